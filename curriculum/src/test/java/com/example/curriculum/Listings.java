package com.example.curriculum;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;

/**
 * Rule 3 of the convention: a hint's listings paste into the starter, and the result
 * compiles. For K = 1..n, the Java and JS listings of the hints of TODO-01..TODO-K are
 * applied in order to a copy of the starter's {@code src/main}; then its Java is compiled
 * with {@code javax.tools} on this module's test classpath, and its JS is parsed by
 * {@code node --check}.
 *
 * <p>How a listing applies (curriculum/README.md says the same to lesson writers):
 * <ul>
 * <li>leading {@code import} lines are added to the imports of the file it applies to;</li>
 * <li>a Java listing of members (methods, constructors, fields, nested types) applies to the
 * class of the starter's {@code .java} file that holds the TODO: each member replaces the
 * member of the same name (same parameter count) or is added;</li>
 * <li>a Java listing of one type declaration replaces the class's nested type of that name,
 * or else is the top-level type of {@code X.java} in that file's package (replaced or
 * created);</li>
 * <li>a JS listing's whole function declarations replace the functions of the same name in
 * the {@code .js} file that holds the TODO, or are appended to it.</li>
 * </ul>
 */
final class Listings {

    /** One ```java or ```js block in a hint of a TODO. */
    record Listing(String todo, String language, String code, Path readme, int line) {

        String where() {
            return "the ```" + this.language + " listing of " + this.todo + " (README line " + this.line + ")";
        }
    }

    private static final Pattern JAVA_IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;\\s*$");

    private static final Pattern JS_IMPORT = Pattern.compile("^\\s*import\\b.*;\\s*$");

    private static final JavaParser PARSER = new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));

    private Listings() {
    }

    /** The listings of a lesson's hints, TODO by TODO (in the order of their numbers), in text order. */
    static List<Listing> of(LessonText text) {
        List<Listing> listings = new ArrayList<>();
        List<String> todos = text.hints().stream().flatMap((hint) -> hint.todo().stream()).distinct()
                .sorted(Comparator.comparingInt(Listings::number)).toList();
        for (String todo : todos) {
            for (LessonText.Hint hint : text.hintsOf(todo)) {
                for (LessonText.Block block : hint.blocks()) {
                    String language = block.language().toLowerCase(Locale.ROOT);
                    if (language.equals("java") || language.equals("js") || language.equals("javascript")) {
                        listings.add(new Listing(todo, language.equals("java") ? "java" : "js", block.text(),
                                text.file(), block.line() + 1));
                    }
                }
            }
        }
        return listings;
    }

    /** The lines of a listing that are {@code import} declarations, at its top. */
    static List<String> importLines(String code, String language) {
        Pattern importLine = language.equals("java") ? JAVA_IMPORT : JS_IMPORT;
        List<String> imports = new ArrayList<>();
        for (String line : code.lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            if (!importLine.matcher(line).matches()) {
                break;
            }
            imports.add(line.strip());
        }
        return imports;
    }

    /** The listing without its leading import lines. */
    static String withoutImports(String code, String language) {
        Pattern importLine = language.equals("java") ? JAVA_IMPORT : JS_IMPORT;
        List<String> lines = code.lines().toList();
        int first = 0;
        while (first < lines.size() && (lines.get(first).isBlank() || importLine.matcher(lines.get(first)).matches())) {
            first++;
        }
        return String.join("\n", lines.subList(first, lines.size())) + "\n";
    }

    /**
     * Checks a lesson: for each K whose TODO has listings, applies the listings of TODO-01..K
     * to a copy of the starter and compiles it. Every problem is reported, each naming the
     * listing and the compiler's or parser's message with its line.
     */
    static Problems check(LessonText text, Path starter, String classpath, JsChecker js) {
        Problems problems = new Problems();
        List<Listing> listings = of(text);
        if (listings.isEmpty()) {
            return problems;
        }
        Path work = temporaryDirectory();
        try {
            copy(starter.resolve("src/main"), work);
            List<String> todosDone = new ArrayList<>();
            Set<String> reported = new HashSet<>();
            int i = 0;
            while (i < listings.size()) {
                String todo = listings.get(i).todo();
                List<Listing> applied = new ArrayList<>();
                for (; i < listings.size() && listings.get(i).todo().equals(todo); i++) {
                    Listing listing = listings.get(i);
                    applied.add(listing);
                    Optional<String> refused = apply(listing, starter.resolve("src/main"), work);
                    if (refused.isPresent()) {
                        problems.add(listing.readme(), listing.line(), listing.where() + " does not paste: " + refused.get(),
                                "a listing is optional import lines, then whole members of the class holding " + todo
                                        + ", or one whole type declaration (see curriculum/README.md)");
                    }
                }
                todosDone.add(todo);
                String after = "after pasting the listings of " + String.join(", ", todosDone);
                boolean java = applied.stream().anyMatch((listing) -> listing.language().equals("java"));
                boolean javaScript = applied.stream().anyMatch((listing) -> listing.language().equals("js"));
                for (String error : java ? compileJava(work.resolve("java"), classpath) : List.<String>of()) {
                    if (!reported.add(error.replaceFirst(":\\d+: ", ": "))) {
                        continue; // reported at an earlier TODO already
                    }
                    problems.add(applied.get(0).readme(), applied.get(0).line(), after + ", javac says: " + error,
                            "make the listings of " + todo + " (with those before it) compile in the starter: "
                                    + "whole members with their imports, nothing that a later TODO adds");
                }
                for (Path file : javaScript ? Files2.walk(work.resolve("resources")) : List.<Path>of()) {
                    if (file.toString().endsWith(".js")) {
                        js.check(file).filter((error) -> reported.add(error.replaceFirst(":\\d+", ""))).ifPresent((error) -> problems.add(applied.get(0).readme(), applied.get(0).line(),
                                after + ", " + work.resolve("resources").relativize(file) + " does not parse: " + error,
                                "make the JS listings of " + todo + " whole function declarations that parse"));
                    }
                }
            }
        }
        finally {
            delete(work);
        }
        return problems;
    }

    /** Applies one listing to the working copy; empty when it applied, else why not. */
    static Optional<String> apply(Listing listing, Path starterMain, Path work) {
        List<Path> holders = Files2.walk(starterMain).stream()
                .filter((file) -> file.toString().endsWith(listing.language().equals("java") ? ".java" : ".js"))
                .filter((file) -> Files2.read(file).contains(listing.todo())).toList();
        if (holders.isEmpty()) {
            return Optional.of("no ." + listing.language() + " file of the starter holds " + listing.todo());
        }
        List<Path> targets = holders.stream().map((file) -> work.resolve(starterMain.relativize(file))).toList();
        return listing.language().equals("java") ? applyJava(listing, targets) : applyJs(listing, targets.get(0));
    }

    private static Optional<String> applyJava(Listing listing, List<Path> targets) {
        List<String> imports = importLines(listing.code(), "java");
        String body = withoutImports(listing.code(), "java");
        ParseResult<CompilationUnit> wrapped = PARSER.parse("class Listing__ {\n" + body + "\n}\n");
        if (!wrapped.isSuccessful() || wrapped.getResult().isEmpty()) {
            return Optional.of("it is not Java members or a type declaration: " + firstProblem(wrapped, -1));
        }
        List<BodyDeclaration<?>> members = new ArrayList<>(wrapped.getResult().get().getType(0).getMembers());
        if (members.isEmpty()) {
            return Optional.of("it declares nothing");
        }
        // The class to paste into: among the files holding the TODO, the one that has a
        // member the listing replaces, else the first.
        Path target = targets.stream().filter((file) -> primaryType(parse(file)).map((type) -> members.stream()
                .anyMatch((member) -> counterpart(type, member).isPresent())).orElse(false)).findFirst()
                .orElse(targets.get(0));
        CompilationUnit unit = parse(target);
        Optional<TypeDeclaration<?>> type = primaryType(unit);
        if (type.isEmpty()) {
            return Optional.of(target.getFileName() + " has no type of its name to paste into");
        }
        if (members.size() == 1 && members.get(0) instanceof TypeDeclaration<?> declared
                && counterpart(type.get(), declared).isEmpty()) {
            // One whole top-level type: replaces or creates its file in the package.
            Path file = target.resolveSibling(declared.getNameAsString() + ".java");
            CompilationUnit typeUnit = Files.exists(file) ? parse(file) : new CompilationUnit();
            unit.getPackageDeclaration().ifPresent(typeUnit::setPackageDeclaration);
            typeUnit.getTypes().removeIf((existing) -> existing.getNameAsString().equals(declared.getNameAsString()));
            declared.setModifiers(declared.getModifiers().stream()
                    .filter((modifier) -> modifier.getKeyword() != com.github.javaparser.ast.Modifier.Keyword.STATIC)
                    .collect(com.github.javaparser.ast.NodeList.toNodeList()));
            typeUnit.addType(declared.clone());
            addImports(typeUnit, imports);
            Files2.write(file, typeUnit.toString());
            return Optional.empty();
        }
        for (BodyDeclaration<?> member : members) {
            Optional<BodyDeclaration<?>> existing = counterpart(type.get(), member);
            if (existing.isPresent()) {
                existing.get().replace(member.clone());
            }
            else {
                type.get().addMember(member.clone());
            }
        }
        addImports(unit, imports);
        Files2.write(target, unit.toString());
        return Optional.empty();
    }

    /** The member of {@code type} that {@code member} replaces: same kind, name and parameter count. */
    private static Optional<BodyDeclaration<?>> counterpart(TypeDeclaration<?> type, BodyDeclaration<?> member) {
        for (BodyDeclaration<?> existing : type.getMembers()) {
            if (member instanceof CallableDeclaration<?> callable && existing instanceof CallableDeclaration<?> other
                    && callable.getClass() == other.getClass() && callable.getNameAsString().equals(other.getNameAsString())
                    && callable.getParameters().size() == other.getParameters().size()) {
                return Optional.of(existing);
            }
            if (member instanceof FieldDeclaration field && existing instanceof FieldDeclaration other
                    && field.getVariables().stream().anyMatch((variable) -> other.getVariables().stream()
                            .anyMatch((o) -> o.getNameAsString().equals(variable.getNameAsString())))) {
                return Optional.of(existing);
            }
            if (member instanceof TypeDeclaration<?> nested && existing instanceof TypeDeclaration<?> other
                    && nested.getNameAsString().equals(other.getNameAsString())) {
                return Optional.of(existing);
            }
        }
        return Optional.empty();
    }

    private static void addImports(CompilationUnit unit, List<String> imports) {
        for (String line : imports) {
            Matcher matcher = JAVA_IMPORT.matcher(line);
            if (matcher.matches()) {
                String name = matcher.group(2);
                boolean asterisk = name.endsWith(".*");
                ImportDeclaration declaration = new ImportDeclaration(asterisk ? name.substring(0, name.length() - 2) : name,
                        matcher.group(1) != null, asterisk);
                if (!unit.getImports().contains(declaration)) {
                    unit.addImport(declaration);
                }
            }
        }
    }

    private static Optional<String> applyJs(Listing listing, Path target) {
        List<String> imports = importLines(listing.code(), "js");
        String body = withoutImports(listing.code(), "js");
        List<String> others = new ArrayList<>();
        List<JsFunctions.Function> functions = JsFunctions.scan(body, others);
        if (!others.isEmpty()) {
            return Optional.of("it holds more than whole function declarations: " + others.get(0).lines().findFirst().orElse(""));
        }
        if (functions.isEmpty()) {
            return Optional.of("it declares no function");
        }
        String source = Files2.read(target);
        int from = 0;
        for (JsFunctions.Function function : functions) {
            String declaration = body.substring(from, function.end()).strip();
            from = function.end();
            Optional<JsFunctions.Function> existing = JsFunctions.of(source).stream()
                    .filter((f) -> f.name().equals(function.name())).findFirst();
            if (existing.isPresent()) {
                source = source.substring(0, existing.get().start()) + declaration + source.substring(existing.get().end());
            }
            else {
                source = source.stripTrailing() + "\n\n" + declaration + "\n";
            }
        }
        for (String line : imports) {
            if (!source.contains(line)) {
                List<String> lines = new ArrayList<>(source.lines().toList());
                int last = -1;
                for (int j = 0; j < lines.size(); j++) {
                    if (JS_IMPORT.matcher(lines.get(j)).matches()) {
                        last = j;
                    }
                }
                lines.add(last + 1, line);
                source = String.join("\n", lines) + "\n";
            }
        }
        Files2.write(target, source);
        return Optional.empty();
    }

    /** Compiles every {@code .java} under {@code sources}; javac's errors, each with its file, line and source line. */
    static List<String> compileJava(Path sources, String classpath) {
        List<Path> files = Files2.walk(sources).stream().filter((file) -> file.toString().endsWith(".java")).toList();
        if (files.isEmpty()) {
            return List.of();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = temporaryDirectory();
        try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "21", "-proc:none", "-nowarn", "-implicit:none",
                    "-classpath", classpath, "-d", classes.toString());
            StringWriter output = new StringWriter();
            javac.getTask(output, manager, diagnostics, options, null,
                    manager.getJavaFileObjectsFromPaths(files)).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                String file = (diagnostic.getSource() == null) ? "" : Path.of(diagnostic.getSource().toUri()).getFileName() + ":"
                        + diagnostic.getLineNumber() + ": ";
                String line = (diagnostic.getSource() == null) ? ""
                        : "\n    " + sourceLine(Path.of(diagnostic.getSource().toUri()), diagnostic.getLineNumber());
                errors.add(file + diagnostic.getMessage(Locale.ROOT) + line);
            }
            return errors;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            delete(classes);
        }
    }

    /** The classpath the lessons compile against: this module's test classpath, without the solutions' jars. */
    static String lessonClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(classpath.split(File.pathSeparator))
                .filter((entry) -> !Path.of(entry).getFileName().toString().startsWith("solution-"))
                .reduce((a, b) -> a + File.pathSeparator + b).orElse("");
    }

    /** Parses JavaScript files, here with {@code node --check}; empty when a file parses, else the error. */
    interface JsChecker {

        Optional<String> check(Path file);

        /** Node.js, when it is on the PATH. */
        static Optional<JsChecker> node() {
            Optional<Path> node = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .map((dir) -> Path.of(dir, "node")).filter(Files::isExecutable).findFirst();
            return node.map((executable) -> (file) -> {
                try {
                    // .mjs: node parses it as an ES module, as the page's <script type="module"> does.
                    Path module = Files.createTempFile("listing", ".mjs");
                    try {
                        Files.copy(file, module, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        Process process = new ProcessBuilder(executable.toString(), "--check", module.toString())
                                .redirectErrorStream(true).start();
                        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        if (!process.waitFor(60, TimeUnit.SECONDS)) {
                            process.destroyForcibly();
                            return Optional.of("node --check did not answer within 60 s");
                        }
                        // node prints the file:line, the line, a caret under the error, then the error.
                        return (process.exitValue() == 0) ? Optional.empty()
                                : Optional.of(String.join("\n    ", output.replace(module.toString(), file.getFileName().toString())
                                        .lines().filter((line) -> !line.isBlank() && !line.startsWith("Node.js ")).toList()));
                    }
                    finally {
                        Files.deleteIfExists(module);
                    }
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ex);
                }
            });
        }
    }

    private static CompilationUnit parse(Path file) {
        ParseResult<CompilationUnit> result;
        try {
            result = PARSER.parse(file); // from the file, so that the unit knows its primary type
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            throw new IllegalStateException(file + " does not parse: " + firstProblem(result, 0));
        }
        return result.getResult().get();
    }

    private static Optional<TypeDeclaration<?>> primaryType(CompilationUnit unit) {
        return unit.getPrimaryType().or(() -> unit.getTypes().isEmpty() ? Optional.empty() : Optional.of(unit.getType(0)));
    }

    private static String firstProblem(ParseResult<?> result, int lineOffset) {
        return result.getProblems().stream().findFirst().map((problem) -> {
            String where = problem.getLocation().flatMap((location) -> location.getBegin().getRange())
                    .map((range) -> "line " + (range.begin.line + lineOffset) + " of the listing: ").orElse("");
            return where + problem.getMessage().lines().findFirst().orElse("");
        }).orElse("unknown");
    }

    private static String sourceLine(Path file, long line) {
        List<String> lines = Files2.read(file).lines().toList();
        return (line >= 1 && line <= lines.size()) ? lines.get((int) line - 1).strip() : "";
    }

    private static int number(String todo) {
        return Integer.parseInt(todo.substring("TODO-".length()));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("curriculum-listings");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void copy(Path from, Path to) {
        for (Path file : Files2.walk(from)) {
            try {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private static void delete(Path dir) {
        List<Path> paths = new ArrayList<>(Files2.walk(dir));
        paths.sort(Comparator.reverseOrder());
        try {
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
            try (Stream<Path> rest = Files.walk(dir)) {
                for (Path path : rest.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
