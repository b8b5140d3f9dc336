package dev.catena.connect.it;

import static dev.catena.connect.it.TestClusters.pathProperty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The plugin zip (built in {@code package}) is a Confluent Hub component archive: one directory
 * {@code catena-connect-<version>/} with manifest.json next to lib/, which holds exactly the jars
 * of the plugin directory. {@code PluginPathIT} runs a worker on the unzipped archive.
 */
class PluginZipIT {
    private final Path zip = pathProperty("catena.plugin.zip");
    private final Path pluginDir = pathProperty("catena.plugin.path").resolve("catena");
    private final String version = System.getProperty("catena.version");
    private final String root = "catena-connect-" + version + "/";

    @Test
    void zip_holdsOneDirectoryWithManifestLibDocAndEtc() throws IOException {
        List<String> outside = new ArrayList<>();
        TreeSet<String> top = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().map(ZipEntry::getName).forEach(name -> {
                if (!name.startsWith(root)) {
                    outside.add(name);
                } else if (name.length() > root.length()) {
                    String rest = name.substring(root.length());
                    int slash = rest.indexOf('/');
                    top.add(slash < 0 ? rest : rest.substring(0, slash + 1));
                }
            });
        }
        assertEquals(List.of(), outside, "entries outside " + root);
        assertEquals(new TreeSet<>(List.of("doc/", "etc/", "lib/", "manifest.json")), top);
    }

    @Test
    void zipLib_holdsExactlyThePluginDirectorysJars() throws IOException {
        TreeSet<String> inDir = new TreeSet<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(pluginDir, "*.jar")) {
            jars.forEach(j -> inDir.add(j.getFileName().toString()));
        }
        TreeSet<String> inZip = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().map(ZipEntry::getName).filter(n -> n.startsWith(root + "lib/") && n.endsWith(".jar"))
                    .forEach(n -> inZip.add(n.substring((root + "lib/").length())));
        }
        assertEquals(inDir, inZip);
        assertTrue(inZip.contains("catena-connect-bridge-" + version + ".jar"), inZip.toString());
    }

    @Test
    void manifest_namesTheComponentItsVersionAndTypes() throws IOException {
        JsonNode manifest;
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry(root + "manifest.json"))) {
            manifest = TestClusters.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("connect", manifest.path("name").asText());
        assertEquals("catena", manifest.path("owner").path("username").asText());
        assertEquals(version, manifest.path("version").asText());
        assertEquals(TestClusters.parse("[\"transform\", \"predicate\"]"), manifest.path("component_types"));
        for (String field : List.of("title", "description")) {
            assertTrue(!manifest.path(field).asText().isBlank(), "manifest.json has no " + field);
        }
        for (String field : List.of("requirements", "license")) {
            assertTrue(manifest.path(field).isArray() && manifest.path(field).size() > 0, "manifest.json has no " + field);
        }
        assertTrue(!manifest.toString().contains("${"), "unfiltered property in manifest.json: " + manifest);
    }
}
