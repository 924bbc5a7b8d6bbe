package dev.modelarts.local.config;

import java.io.StringReader;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;

/**
 * Finds the line of a YAML node from its path (field names and list indexes), so that a problem
 * found after binding, or by Jackson deep inside an entry, is reported where the operator wrote it.
 */
public final class YamlLines {

    private YamlLines() {
    }

    /** The line of the node that a Jackson error's path points at; the parser's own location otherwise. */
    public static int lineOf(String yaml, List<Reference> path, JsonLocation fallback) {
        Object[] steps = path.stream().map(r -> r.getFieldName() != null ? (Object) r.getFieldName() : r.getIndex())
                .toArray();
        int line = lineOf(yaml, steps);
        return line > 0 ? line : fallback == null ? 1 : fallback.getLineNr();
    }

    /**
     * The 1-based line of the deepest node along {@code steps} (each a field name or an index);
     * 0 when the document cannot be walked.
     */
    public static int lineOf(String yaml, Object... steps) {
        try {
            Node node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
            for (Object step : steps) {
                Node next = child(node, step);
                if (next == null) {
                    break;
                }
                node = next;
            }
            return node == null ? 0 : node.getStartMark().getLine() + 1;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The line of the key named by the last step (itself a field name), not of its value. */
    public static int keyLineOf(String yaml, Object... steps) {
        try {
            Node node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
            for (int i = 0; i < steps.length - 1 && node != null; i++) {
                node = child(node, steps[i]);
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(steps[steps.length - 1])) {
                        return key.getStartMark().getLine() + 1;
                    }
                }
            }
            return lineOf(yaml, steps);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static Node child(Node node, Object step) {
        if (node instanceof MappingNode mapping && step instanceof String field) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(field)) {
                    return tuple.getValueNode() instanceof ScalarNode ? tuple.getKeyNode() : tuple.getValueNode();
                }
            }
        } else if (node instanceof SequenceNode sequence && step instanceof Integer index
                && index >= 0 && index < sequence.getValue().size()) {
            return sequence.getValue().get(index);
        }
        return null;
    }
}
