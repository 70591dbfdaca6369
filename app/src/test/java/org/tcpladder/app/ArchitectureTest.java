package org.tcpladder.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layers stay apart: geometry and view models never touch the scene graph, so JUnit tests them. */
class ArchitectureTest {
    private static List<Path> sources(String pkg) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/tcpladder/app", pkg))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static void noImport(String pkg, String forbidden) throws IOException {
        List<Path> files = sources(pkg);
        assertTrue(!files.isEmpty(), pkg);
        for (Path f : files) {
            assertTrue(Files.readAllLines(f).stream().noneMatch(l -> l.startsWith("import " + forbidden)),
                    f.getFileName() + " imports " + forbidden);
        }
    }

    @Test
    void ladderLayoutIsPureGeometry() throws IOException {
        noImport("layout", "javafx");
    }

    @Test
    void ladderDataIsPlainJava() throws IOException {
        noImport("ladder", "javafx");
    }

    @Test
    void viewModelsNeverTouchControls() throws IOException {
        noImport("viewmodel", "javafx.scene");
        noImport("viewmodel", "org.tcpladder.app.view.");
    }
}
