package com.example.workshop;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.example.workshop.LessonReadme.DeclaredFailure;

import static org.assertj.core.api.Assertions.assertThat;

/** The workshop's own lessons, read as the tool reads them. */
class LessonTextsTest {

    static final Workspace WORKSHOP = Workspace.find();

    @Test
    @DisplayName("every lesson has a title, and each TODO its starter-fails list names has a hint the tool can point to")
    void everyTodoHasAHint() {
        List<Lesson> lessons = Lessons.all(WORKSHOP);
        assertThat(lessons).isNotEmpty();
        for (Lesson lesson : lessons) {
            LessonReadme readme = lesson.readme();
            assertThat(readme.title()).as("the title of %s", readme.file()).isPresent();
            for (DeclaredFailure declared : readme.declaredFailures()) {
                OptionalInt todo = declared.todo();
                if (todo.isPresent()) {
                    assertThat(readme.hintFor(todo, "")).as("the hint for %s (%s) in %s", declared.test(),
                            Todos.name(todo.getAsInt()), readme.file()).isPresent();
                }
            }
        }
    }
}
