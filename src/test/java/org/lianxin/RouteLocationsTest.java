package org.lianxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class RouteLocationsTest {

    @Test
    void thePackagedRoutesAreReadFolderByFolder() throws IOException {
        List<String> folders;
        try (Stream<Path> dirs = Files.list(Path.of("routes"))) {
            folders = dirs.filter(Files::isDirectory).map(d -> "classpath:routes/" + d.getFileName() + "/*.yaml")
                    .sorted().toList();
        }
        assertThat(folders).hasSizeGreaterThan(5);
        assertThat(RouteLocations.packagedRoutes().split(",")).containsExactlyElementsOf(folders);
    }
}
