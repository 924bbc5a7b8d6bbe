package dev.modelarts.local.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.modelarts.local.api.model.SeedDocument;
import dev.modelarts.local.api.model.SeedImage;
import dev.modelarts.local.config.NearestName;
import dev.modelarts.local.config.YamlLines;

/**
 * The {@code --seed} file: the body of {@code POST /_modelarts/seed}, as JSON or YAML (YAML
 * reads JSON too), read and checked at start before the database is opened. A problem is one
 * line in the operator's words, as for the credentials file: the file, the line, the entry and
 * the reason (an unknown key named, with the nearest known one), never the parser's internals.
 */
final class SeedFile {

    /** A seed file that cannot be used; the message names the file and what is wrong. */
    static final class InvalidSeedFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidSeedFile(String message) {
            super(message);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** An entry's properties, as Jackson binds them: RegisterImage's body and the project. */
    private static final List<BeanPropertyDefinition> ENTRY = YAML.getDeserializationConfig()
            .introspect(YAML.constructType(SeedImage.class)).findProperties();
    private static final Set<String> ENTRY_KEYS =
            new TreeSet<>(ENTRY.stream().map(BeanPropertyDefinition::getName).toList());
    private static final List<String> REQUIRED = List.of("project_id", "swr_path");

    private SeedFile() {
    }

    static SeedDocument read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new InvalidSeedFile("Cannot read the seed file " + path + ": no such file");
        } catch (IOException e) {
            throw new InvalidSeedFile("Cannot read the seed file " + path + ": " + e.getMessage());
        }
        return parse(text, "Invalid seed file " + path);
    }

    /**
     * A seed document from its JSON or YAML text, checked as a seed file is.
     *
     * @param at how a problem's message starts ("Invalid seed file x.yaml")
     */
    static SeedDocument parse(String text, String at) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
            throw new InvalidSeedFile(at + where + ": " + e.getOriginalMessage().split("\n")[0]);
        }
        if (tree != null && tree.isObject()) {
            checkFileKeys(text, tree, at);
        }
        if (tree == null || !tree.isObject() || !tree.path("images").isArray()) {
            throw new InvalidSeedFile(at + ", line 1: it must be a mapping with an 'images' list,"
                    + " each entry a RegisterImage body with its project_id");
        }
        checkEntryKeys(text, tree, at);
        SeedDocument document;
        try {
            document = YAML.treeToValue(tree, SeedDocument.class);
        } catch (JsonMappingException e) {
            throw new InvalidSeedFile(at + ", line " + YamlLines.lineOf(text, e.getPath(), e.getLocation()) + ": "
                    + field(e) + " must be " + expected(e));
        } catch (JsonProcessingException e) {
            throw new InvalidSeedFile(at + ": " + e.getOriginalMessage().split("\n")[0]);
        }
        SchemaCheck.firstViolation(document).ifPresent(violation -> {
            throw new InvalidSeedFile(at + ", line " + line(text, violation) + ": " + violation);
        });
        return document;
    }

    private static void checkFileKeys(String text, JsonNode tree, String at) {
        for (Iterator<String> top = tree.fieldNames(); top.hasNext();) {
            String key = top.next();
            if (!key.equals("images")) {
                throw new InvalidSeedFile(at + ", line " + YamlLines.keyLineOf(text, key) + ": unknown key '" + key
                        + "'" + NearestName.among(key, List.of("images")).map(k -> " (did you mean '" + k + "'?)")
                                .orElse("") + "; the file has one key, images");
            }
        }
    }

    /** Unknown keys (with the nearest known one) and missing required ones, entry by entry. */
    private static void checkEntryKeys(String text, JsonNode tree, String at) {
        JsonNode images = tree.get("images");
        for (int i = 0; i < images.size(); i++) {
            JsonNode entry = images.get(i);
            String name = "images[" + i + "]";
            if (!entry.isObject()) {
                throw new InvalidSeedFile(at + ", line " + YamlLines.lineOf(text, "images", i) + ": " + name
                        + " must be a mapping, a RegisterImage body with its project_id");
            }
            for (Iterator<String> keys = entry.fieldNames(); keys.hasNext();) {
                String key = keys.next();
                if (!ENTRY_KEYS.contains(key)) {
                    throw new InvalidSeedFile(at + ", line " + YamlLines.keyLineOf(text, "images", i, key) + ": "
                            + name + " has an unknown key '" + key + "'" + NearestName.among(key, ENTRY_KEYS)
                                    .map(k -> " (did you mean '" + k + "'?)").orElse("")
                            + "; the keys are " + String.join(", ", ENTRY_KEYS));
                }
            }
            for (String key : REQUIRED) {
                if (!entry.hasNonNull(key)) {
                    throw new InvalidSeedFile(at + ", line " + YamlLines.lineOf(text, "images", i) + ": " + name
                            + " has no '" + key + "'");
                }
            }
        }
    }

    /** A violation's path ({@code images[1].swr_path must ...}) as the line it points at. */
    private static int line(String text, String violation) {
        String path = violation.split(" ", 2)[0];
        List<Object> steps = new java.util.ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                steps.add(part);
            } else {
                steps.add(part.substring(0, bracket));
                steps.add(Integer.parseInt(part.substring(bracket + 1, part.indexOf(']'))));
            }
        }
        return Math.max(1, YamlLines.lineOf(text, steps.toArray()));
    }

    /** What a value of the type Jackson wanted looks like, in the operator's words. */
    private static String expected(JsonMappingException e) {
        Class<?> type = e instanceof MismatchedInputException m && m.getTargetType() != null ? m.getTargetType()
                : declaredType(e);
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list, such as [a, b]";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return Number.class.isAssignableFrom(type) || type.isPrimitive() ? "a number" : "a mapping of keys to values";
    }

    /** The type an entry's field holds (a list's elements for a list), from the path of a failure. */
    private static Class<?> declaredType(JsonMappingException e) {
        String name = null;
        boolean element = false;
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                name = r.getFieldName();
                element = false;
            } else {
                element = name != null;
            }
        }
        for (BeanPropertyDefinition property : ENTRY) {
            if (property.getName().equals(name)) {
                var type = property.getPrimaryType();
                return element && type.getContentType() != null ? type.getContentType().getRawClass() : type.getRawClass();
            }
        }
        return null;
    }

    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the file" : "'" + path + "'";
    }
}
