package dev.modelarts.local.auth;

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

/** Finds the line of the YAML node that a Jackson error's path points at. */
final class YamlLines {

    private YamlLines() {
    }

    /**
     * The 1-based line of the deepest node along {@code path}; the parser's own location when the
     * document cannot be walked.
     */
    static int lineOf(String yaml, List<Reference> path, JsonLocation fallback) {
        try {
            Node node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
            for (Reference step : path) {
                Node next = child(node, step);
                if (next == null) {
                    break;
                }
                node = next;
            }
            return node.getStartMark().getLine() + 1;
        } catch (RuntimeException e) {
            return fallback == null ? 1 : fallback.getLineNr();
        }
    }

    private static Node child(Node node, Reference step) {
        if (node instanceof MappingNode mapping && step.getFieldName() != null) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(step.getFieldName())) {
                    return tuple.getValueNode() instanceof ScalarNode ? tuple.getKeyNode() : tuple.getValueNode();
                }
            }
        } else if (node instanceof SequenceNode sequence && step.getIndex() >= 0
                && step.getIndex() < sequence.getValue().size()) {
            return sequence.getValue().get(step.getIndex());
        }
        return null;
    }
}
