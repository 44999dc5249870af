package com.example.workshop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiler's errors in Maven's output. Maven reports each as
 * "[ERROR] /abs/path/File.java:[12,5] message", sometimes followed by indented details
 * ("symbol: ...", "location: ..."), and repeats them all in its summary: this keeps each
 * once, as "path/File.java:12: message".
 */
final class CompilerErrors {

    static final Pattern ERROR = Pattern.compile("^\\[ERROR\\] (.+?\\.java):\\[(\\d+)(?:,\\d+)?\\] (.*)$");

    static final Pattern DETAIL = Pattern.compile("^(?:\\[ERROR\\] )?\\s{2,}(\\S.*)$");

    private final Workspace workspace;

    CompilerErrors(Workspace workspace) {
        this.workspace = workspace;
    }

    List<String> read(List<String> lines) {
        Map<String, String> errors = new LinkedHashMap<>(); // the header, column included -> the text
        for (int i = 0; i < lines.size(); i++) {
            Matcher error = ERROR.matcher(lines.get(i));
            if (!error.matches()) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            text.append(this.workspace.relativeFile(error.group(1))).append(':').append(error.group(2)).append(": ")
                    .append(error.group(3).trim());
            for (int j = i + 1; j < lines.size() && j <= i + 4; j++) {
                // The details are indented, and in the summary also behind "[ERROR] ".
                Matcher detail = DETAIL.matcher(lines.get(j));
                if (!detail.matches()) {
                    break;
                }
                text.append(System.lineSeparator()).append("      ").append(detail.group(1).trim());
            }
            errors.merge(lines.get(i), text.toString(), (kept, other) -> other.length() > kept.length() ? other : kept);
        }
        return new ArrayList<>(errors.values());
    }
}
