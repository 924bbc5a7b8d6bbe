package dev.modelarts.local.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.modelarts.local.api.model.SeedDocument;

/**
 * The {@code --seed} file: the body of {@code POST /_modelarts/seed}, as JSON or YAML (YAML
 * reads JSON too), checked against the spec's constraints before anything is stored.
 */
final class SeedFile {

    /** A seed file that cannot be used; the message names the file and what is wrong. */
    static final class InvalidSeedFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidSeedFile(String message) {
            super(message);
        }
    }

    private SeedFile() {
    }

    static SeedDocument read(Path path) {
        SeedDocument document;
        try {
            document = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(path), SeedDocument.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
            throw new InvalidSeedFile("Invalid seed file " + path + where + ": " + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new InvalidSeedFile("Cannot read the seed file " + path + ": " + e.getMessage());
        }
        if (document == null || document.getImages() == null) {
            throw new InvalidSeedFile("Invalid seed file " + path + ": it has no 'images' list");
        }
        SchemaCheck.firstViolation(document).ifPresent(violation -> {
            throw new InvalidSeedFile("Invalid seed file " + path + ": " + violation);
        });
        return document;
    }
}
