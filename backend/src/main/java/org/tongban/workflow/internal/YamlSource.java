package org.tongban.workflow.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A definition file read twice: as a JSON tree for validation and mapping, and as YAML nodes to
 * know the line of every JSON pointer, so problems can say where they are.
 */
record YamlSource(JsonNode tree, Map<String, Integer> lines) {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static YamlSource parse(String text) {
        JsonNode tree = YAML.readTree(text);
        Map<String, Integer> lines = new HashMap<>();
        try {
            Optional<Node> root = new Compose(LoadSettings.builder().build()).composeString(text);
            root.ifPresent(node -> walk(node, "", lines));
        } catch (RuntimeException e) {
            // lines are a convenience; the tree above already parsed
        }
        return new YamlSource(tree, lines);
    }

    /** The 1-based line of the closest node at or above the pointer. */
    Integer lineOf(String pointer) {
        String current = pointer;
        while (true) {
            Integer line = lines.get(current);
            if (line != null || current.isEmpty()) {
                return line;
            }
            current = current.substring(0, Math.max(0, current.lastIndexOf('/')));
        }
    }

    private static void walk(Node node, String pointer, Map<String, Integer> lines) {
        node.getStartMark().ifPresent(mark -> lines.putIfAbsent(pointer, mark.getLine() + 1));
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String child = pointer + "/" + key.getValue().replace("~", "~0").replace("/", "~1");
                    key.getStartMark().ifPresent(mark -> lines.put(child, mark.getLine() + 1));
                    walk(tuple.getValueNode(), child, lines);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), pointer + "/" + i, lines);
            }
        }
    }
}
