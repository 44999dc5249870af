package com.example.workshop;

import java.nio.file.Path;
import java.util.OptionalInt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.example.workshop.LessonReadme.Hint;

import static org.assertj.core.api.Assertions.assertThat;

class LessonReadmeTest {

    static LessonReadme readme(String text) {
        return new LessonReadme(Path.of("lessons/05-stream-life/README.md"), text);
    }

    static final LessonReadme NEW_CONVENTION = readme("""
            # Lesson 05: the stream's life

            <details><summary>Hint 1 (TODO-01): cancel answers <code>501</code></summary>
            nudge
            </details>
            <details><summary>Hint 2 (TODO-01): cancel answers 202 for an ended reply</summary>
            the answer
            </details>
            <details><summary>Hint 3 (TODO-03): no <code>: keep-alive</code> comment</summary>
            </details>
            <details><summary>Hint 4 (TODO-04, TODO-05): replies are never forgotten</summary>
            </details>
            """);

    static final LessonReadme OLD_CONVENTION = readme("""
            <details><summary>Hint 1: the loop does not compile</summary></details>
            <details><summary>Hint 2: <code>/fail 3</code> answers 501 &amp; more</summary></details>
            """);

    @Test
    @DisplayName("the title, from '# Lesson NN: title'")
    void title() {
        assertThat(NEW_CONVENTION.title()).hasValue("the stream's life");
        assertThat(OLD_CONVENTION.title()).isEmpty();
    }

    @Test
    @DisplayName("hints are read with their TODOs, as plain text")
    void hints() {
        assertThat(NEW_CONVENTION.hints()).extracting(Hint::label).containsExactly("Hint 1 (TODO-01)",
                "Hint 2 (TODO-01)", "Hint 3 (TODO-03)", "Hint 4 (TODO-04, TODO-05)");
        assertThat(NEW_CONVENTION.hints().get(2).symptom()).isEqualTo("no : keep-alive comment");
        assertThat(OLD_CONVENTION.hints()).extracting(Hint::label, Hint::symptom).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Hint 1", "the loop does not compile"),
                org.assertj.core.groups.Tuple.tuple("Hint 2", "/fail 3 answers 501 & more"));
    }

    @Test
    @DisplayName("a failure gets the first hint about its TODO: the nudge before the answer")
    void firstHintOfTheTodo() {
        assertThat(NEW_CONVENTION.hintFor(OptionalInt.of(1), "").map(Hint::number)).hasValue(1);
        assertThat(NEW_CONVENTION.hintFor(OptionalInt.of(5), "").map(Hint::number)).hasValue(4);
        assertThat(NEW_CONVENTION.hintFor(OptionalInt.of(2), "")).as("no hint names TODO-02").isEmpty();
        assertThat(NEW_CONVENTION.hintFor(OptionalInt.empty(), "")).isEmpty();
    }

    @Test
    @DisplayName("a hint the failure's message names comes first")
    void hintNamedByTheMessage() {
        assertThat(NEW_CONVENTION.hintFor(OptionalInt.of(1), "an ended reply got 202, not 409 (TODO-01, Hint 2)")
                .map(Hint::number)).hasValue(2);
        assertThat(NEW_CONVENTION.hintFor(OptionalInt.of(1), "see Hint 9").map(Hint::number))
                .as("no Hint 9: the TODO's").hasValue(1);
    }

    @Test
    @DisplayName("in a README whose hints name no TODO, hint N is TODO-0N's")
    void oldConvention() {
        assertThat(OLD_CONVENTION.hintFor(OptionalInt.of(2), "").map(Hint::number)).hasValue(2);
        assertThat(OLD_CONVENTION.hintFor(OptionalInt.of(3), "")).isEmpty();
    }

    @Test
    @DisplayName("the starter-fails list: each check, its TODO and its place")
    void declaredFailures() {
        LessonReadme readme = readme("""
                - `NotInTheList.atAll` (TODO-09)
                <!-- starter-fails -->
                - `CancelTest.cancelsARunningReply` (TODO-01)
                - `StreamLifeTest.aClientGoneIsCountedOut`
                <!-- /starter-fails -->
                """);
        assertThat(readme.declaredFailures()).extracting((d) -> d.test(), (d) -> d.todo(), (d) -> d.position())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CancelTest.cancelsARunningReply",
                        OptionalInt.of(1), 0),
                        org.assertj.core.groups.Tuple.tuple("StreamLifeTest.aClientGoneIsCountedOut",
                                OptionalInt.empty(), 1));
    }
}
