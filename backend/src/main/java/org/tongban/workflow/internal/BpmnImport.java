package org.tongban.workflow.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.tongban.workflow.internal.ImportedWorkflow.Decision;
import org.tongban.workflow.internal.ImportedWorkflow.Finding;
import org.tongban.workflow.internal.ImportedWorkflow.NotConvertible;
import org.tongban.workflow.internal.ImportedWorkflow.Parallel;
import org.tongban.workflow.internal.ImportedWorkflow.Rule;
import org.tongban.workflow.internal.ImportedWorkflow.Task;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Converts the subset of BPMN 2.0 that Tongban's steps can express (start and end events, user tasks,
 * exclusive gateways with conditions on their outgoing flows, parallel gateways whose branches are chains
 * of user tasks that join again, sequence flows) into Tongban steps. User tasks become tasks of the given
 * department, their candidate groups (Flowable, Camunda, Activiti) or potential owners go into a comment;
 * exclusive gateways become decisions, with conditions translated where they are simple comparisons of
 * variables ({@code ${amount > 500}} → {@code amount > 500}); a fork into user-task chains and its join
 * become a parallel step. Everything else (service, script and send tasks, call activities, sub-processes,
 * timer, message and other events, inclusive gateways, loops and multi-instance) is reported with its id
 * and line; a reported element with one way out is passed through so the rest of the process still converts.
 */
public final class BpmnImport {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Set<String> EXTENSIONS = Set.of("http://flowable.org/bpmn", "http://camunda.org/schema/1.0/bpmn",
            "http://activiti.org/bpmn");
    /** Children of a process that are no flow nodes: nothing to convert, nothing to report. */
    private static final Set<String> NOT_FLOW = Set.of("sequenceFlow", "laneSet", "documentation", "extensionElements",
            "textAnnotation", "association", "dataObject", "dataObjectReference", "dataStoreReference", "ioSpecification",
            "property", "group", "category");

    private BpmnImport() {
    }

    /** Whether the text looks like a BPMN 2.0 file. */
    public static boolean accepts(String text) {
        return text.stripLeading().startsWith("<") && text.contains(BPMN);
    }

    public static ImportedWorkflow convert(String text, String sourceFile) {
        Document document;
        Map<String, Integer> lines;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
            lines = linesOfIds(text);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new NotConvertible("not-xml", e.getMessage());
        }
        List<Element> processes = children(document.getDocumentElement(), "process");
        processes.removeIf(process -> children(process, null).stream().noneMatch(e -> "startEvent".equals(e.getLocalName())));
        if (processes.isEmpty()) {
            throw new NotConvertible("bpmn-no-process");
        }
        return new Conversion(processes, lines, sourceFile).run();
    }

    /** The line where each element with an id starts (DOM keeps no lines). */
    private static Map<String, Integer> linesOfIds(String text) throws SAXException, IOException, ParserConfigurationException {
        Map<String, Integer> lines = new HashMap<>();
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.newSAXParser().parse(new InputSource(new StringReader(text)), new DefaultHandler() {
            private Locator locator;

            @Override
            public void setDocumentLocator(Locator locator) {
                this.locator = locator;
            }

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                String id = attributes.getValue("id");
                if (id != null && BPMN.equals(uri) && locator != null) {
                    lines.putIfAbsent(id, locator.getLineNumber());
                }
            }
        });
        return lines;
    }

    private record Flow(String id, String source, String target, String condition) {
    }

    private static final class Conversion {
        private final Element process;
        private final Map<String, Integer> lines;
        private final ImportedWorkflow result;
        private final Map<String, Element> nodes = new LinkedHashMap<>();
        private final Map<String, List<Flow>> outgoing = new HashMap<>();
        private final Map<String, List<Flow>> incoming = new HashMap<>();
        /** BPMN node id → the step it became (or an outcome). */
        private final Map<String, String> converted = new HashMap<>();
        private final Set<String> reported = new HashSet<>();
        private final Set<String> usedIds = new HashSet<>();
        /** Node id → the name of its lane, often the department or role that works it. */
        private final Map<String, String> lanes = new HashMap<>();

        Conversion(List<Element> processes, Map<String, Integer> lines, String sourceFile) {
            this.process = processes.get(0);
            this.lines = lines;
            String id = process.getAttribute("id");
            String name = process.getAttribute("name").isBlank() ? id : process.getAttribute("name");
            this.result = new ImportedWorkflow("BPMN process " + id, sourceFile, ImportedWorkflow.kebab(id), name);
            for (int i = 1; i < processes.size(); i++) {
                report(processes.get(i), "bpmn-other-process", processes.get(i).getAttribute("id"));
            }
        }

        ImportedWorkflow run() {
            for (Element laneSet : children(process, "laneSet")) {
                for (Element lane : children(laneSet, "lane")) {
                    for (Element ref : children(lane, "flowNodeRef")) {
                        lanes.put(ref.getTextContent().strip(), lane.getAttribute("name").isBlank() ? lane.getAttribute("id")
                                : lane.getAttribute("name").strip());
                    }
                }
            }
            Element start = null;
            for (Element child : children(process, null)) {
                String type = child.getLocalName();
                if ("sequenceFlow".equals(type)) {
                    Flow flow = new Flow(child.getAttribute("id"), child.getAttribute("sourceRef"), child.getAttribute("targetRef"),
                            children(child, "conditionExpression").stream().map(e -> e.getTextContent().strip()).findFirst().orElse(null));
                    outgoing.computeIfAbsent(flow.source(), key -> new ArrayList<>()).add(flow);
                    incoming.computeIfAbsent(flow.target(), key -> new ArrayList<>()).add(flow);
                } else if (!NOT_FLOW.contains(type)) {
                    nodes.put(child.getAttribute("id"), child);
                    if ("startEvent".equals(type) && start == null) {
                        start = child;
                    }
                }
            }
            for (Element node : nodes.values()) {
                checkNode(node, node == start);
            }
            List<Flow> fromStart = outgoing.getOrDefault(start.getAttribute("id"), List.of());
            if (fromStart.isEmpty()) {
                throw new NotConvertible("bpmn-start-leads-nowhere", start.getAttribute("id"));
            }
            if (fromStart.size() > 1) {
                report(start, "bpmn-more-ways", start.getAttribute("id"), fromStart.get(0).target());
            }
            String first = resolve(fromStart.get(0).target());
            if (ImportedWorkflow.OUTCOMES.contains(first)) {
                throw new NotConvertible("bpmn-no-user-task", process.getAttribute("id"));
            }
            result.start = first;
            for (Element node : nodes.values()) {
                String id = node.getAttribute("id");
                if (!converted.containsKey(id) && !reported.contains(id) && node != start) {
                    report(node, "bpmn-unreachable", id);
                }
            }
            result.promisedWorkingDays = Graphs.longest(result);
            return result;
        }

        /** Reports what a supported element carries that cannot be converted; every other element is unsupported. */
        private void checkNode(Element node, boolean isStart) {
            String type = node.getLocalName();
            String id = node.getAttribute("id");
            switch (type) {
                case "startEvent", "endEvent" -> {
                    for (Element child : children(node, null)) {
                        if (child.getLocalName().endsWith("EventDefinition") && !"terminateEventDefinition".equals(child.getLocalName())) {
                            report(node, "bpmn-event-definition", id, type, child.getLocalName());
                        }
                    }
                    if ("startEvent".equals(type) && !isStart) {
                        report(node, "bpmn-other-start", id);
                    }
                }
                case "userTask" -> {
                    for (Element child : children(node, null)) {
                        if (child.getLocalName().endsWith("LoopCharacteristics")) {
                            report(node, "bpmn-loop", id, child.getLocalName());
                        }
                    }
                }
                case "exclusiveGateway", "parallelGateway" -> {
                }
                default -> report(node, "bpmn-unsupported-element", id, type);
            }
            for (Flow flow : outgoing.getOrDefault(id, List.of())) {
                if (flow.condition() != null && !"exclusiveGateway".equals(type)) {
                    reportFlow(flow, "bpmn-conditional-flow", flow.id(), id);
                }
            }
        }

        /** The step (or outcome) that a BPMN node becomes; passes through merges and reported elements. */
        private String resolve(String nodeId) {
            Set<String> passed = new HashSet<>();
            String current = nodeId;
            while (true) {
                if (converted.containsKey(current)) {
                    return converted.get(current);
                }
                Element node = nodes.get(current);
                if (node == null) {
                    throw new NotConvertible("bpmn-unknown-target", current);
                }
                List<Flow> out = outgoing.getOrDefault(current, List.of());
                String type = node.getLocalName();
                if ("endEvent".equals(type)) {
                    converted.put(current, "approved");
                    return "approved";
                }
                if ("userTask".equals(type)) {
                    return task(node);
                }
                if ("exclusiveGateway".equals(type) && out.size() > 1) {
                    return decision(node, out);
                }
                if ("parallelGateway".equals(type) && out.size() > 1) {
                    String parallel = parallel(node, out);
                    if (parallel != null) {
                        return parallel;
                    }
                }
                // a merge, a join, or a reported element: go on to where it leads
                if (!passed.add(current)) {
                    report(node, "bpmn-loop-without-task", current);
                    return "approved";
                }
                if (out.isEmpty()) {
                    converted.put(current, "approved");
                    return "approved";
                }
                if (out.size() > 1 && !"parallelGateway".equals(type)) {
                    report(node, "bpmn-more-ways", current, out.get(0).target());
                }
                current = out.get(0).target();
            }
        }

        private String task(Element node) {
            String id = stepId(node);
            converted.put(node.getAttribute("id"), id);
            // reserve the place in the file's order before the steps it leads to
            result.steps.put(id, new Task(id, "", List.of(), 1, "approved", List.of()));
            List<Flow> out = outgoing.getOrDefault(node.getAttribute("id"), List.of());
            String next;
            if (out.isEmpty()) {
                next = "approved";
            } else {
                if (out.size() > 1) {
                    report(node, "bpmn-more-ways", node.getAttribute("id"), out.get(0).target());
                }
                next = resolve(out.get(0).target());
            }
            result.steps.put(id, new Task(id, name(node), taskComments(node), days(node), next, List.of()));
            return id;
        }

        private String decision(Element gateway, List<Flow> out) {
            String gatewayId = gateway.getAttribute("id");
            String id = stepId(gateway);
            converted.put(gatewayId, id);
            // reserve the place in the file's order before the steps it leads to
            result.steps.put(id, new Task(id, "", List.of(), 1, "approved", List.of()));
            String defaultFlow = gateway.getAttribute("default");
            List<Rule> rules = new ArrayList<>();
            String otherwise = null;
            Flow lastConditional = null;
            for (Flow flow : out) {
                if (flow.id().equals(defaultFlow) || flow.condition() == null) {
                    if (otherwise == null) {
                        otherwise = resolve(flow.target());
                    } else {
                        reportFlow(flow, "bpmn-second-default", flow.id(), gatewayId);
                    }
                    continue;
                }
                ConditionTranslator.Translation translation = ConditionTranslator.translate(flow.condition());
                if (translation == null) {
                    reportFlow(flow, "bpmn-condition", flow.id(), flow.condition());
                    continue;
                }
                translation.fields().forEach((field, type) -> result.fields.putIfAbsent(field, type));
                rules.add(new Rule(translation.condition(), resolve(flow.target()), "flow " + flow.id() + ": " + flow.condition()));
                lastConditional = flow;
            }
            if (otherwise == null && !rules.isEmpty()) {
                // every way out has a condition: the last one becomes the otherwise (BPMN would fail when none holds)
                Rule last = rules.remove(rules.size() - 1);
                otherwise = last.next();
                result.notes.add(new Finding(lastConditional.id(), lines.get(lastConditional.id()), "condition-made-otherwise",
                        List.of(lastConditional.condition(), gatewayId)));
            }
            if (otherwise == null) {
                result.steps.remove(id);
                throw new NotConvertible("bpmn-decision-without-way", gatewayId);
            }
            if (rules.isEmpty()) {
                // nothing left to decide: the gateway leads straight on
                result.steps.remove(id);
                converted.put(gatewayId, otherwise);
                return otherwise;
            }
            List<String> comments = List.of("BPMN exclusiveGateway " + gatewayId);
            result.steps.put(id, new Decision(id, name(gateway), comments, rules, otherwise));
            return id;
        }

        /** A fork whose branches are user-task chains meeting at one join; null (reported) for anything else. */
        private String parallel(Element fork, List<Flow> out) {
            String forkId = fork.getAttribute("id");
            Map<String, List<Element>> branches = new LinkedHashMap<>();
            String join = null;
            for (Flow flow : out) {
                List<Element> chain = new ArrayList<>();
                String current = flow.target();
                Element node = nodes.get(current);
                while (node != null && "userTask".equals(node.getLocalName())
                        && outgoing.getOrDefault(current, List.of()).size() == 1
                        && incoming.getOrDefault(current, List.of()).size() == 1 && !converted.containsKey(current)) {
                    chain.add(node);
                    current = outgoing.get(current).get(0).target();
                    node = nodes.get(current);
                }
                boolean joins = node != null && "parallelGateway".equals(node.getLocalName())
                        && outgoing.getOrDefault(current, List.of()).size() == 1;
                if (chain.isEmpty() || !joins || join != null && !join.equals(current)) {
                    report(fork, "bpmn-parallel-not-simple", forkId);
                    return null;
                }
                join = current;
                branches.put(ImportedWorkflow.kebab(chain.get(0).getAttribute("id")) + "-branch", chain);
            }
            String id = stepId(fork);
            converted.put(forkId, id);
            result.steps.put(id, new Task(id, "", List.of(), 1, "approved", List.of()));
            Map<String, List<Task>> tasks = new LinkedHashMap<>();
            branches.forEach((branch, chain) -> {
                List<Task> list = new ArrayList<>();
                for (Element task : chain) {
                    String taskId = stepId(task);
                    converted.put(task.getAttribute("id"), taskId);
                    list.add(new Task(taskId, name(task), taskComments(task), days(task), null, List.of()));
                }
                tasks.put(branch, list);
            });
            String joinId = join;
            String next = resolve(outgoing.get(joinId).get(0).target());
            converted.put(joinId, next);
            String name = fork.getAttribute("name").isBlank() ? "Parallel review" : fork.getAttribute("name");
            result.steps.put(id, new Parallel(id, name, List.of("BPMN parallelGateway " + forkId + " (fork) … " + joinId
                    + " (join); a rejection in any branch rejects the application"), tasks, next));
            return id;
        }

        private List<String> taskComments(Element task) {
            List<String> comments = new ArrayList<>();
            String groups = extension(task, "candidateGroups");
            String users = extension(task, "candidateUsers");
            String assignee = extension(task, "assignee");
            List<String> owners = new ArrayList<>();
            for (Element owner : children(task, "potentialOwner")) {
                String expression = owner.getTextContent().strip().replaceAll("\\s+", " ");
                if (!expression.isEmpty()) {
                    owners.add(expression);
                }
            }
            StringBuilder who = new StringBuilder("BPMN userTask " + task.getAttribute("id"));
            if (lanes.containsKey(task.getAttribute("id"))) {
                who.append(", lane: ").append(lanes.get(task.getAttribute("id")));
            }
            if (groups != null) {
                who.append(", candidate groups: ").append(groups);
            }
            if (users != null) {
                who.append(", candidate users: ").append(users);
            }
            if (assignee != null) {
                who.append(", assignee: ").append(assignee);
            }
            if (!owners.isEmpty()) {
                who.append(", potential owners: ").append(String.join("; ", owners));
            }
            comments.add(who.toString());
            return comments;
        }

        private int days(Element task) {
            String due = extension(task, "dueDate");
            if (due != null) {
                Matcher matcher = Pattern.compile("^P(\\d+)D$").matcher(due.strip());
                if (matcher.matches()) {
                    return Math.max(1, Integer.parseInt(matcher.group(1)));
                }
            }
            result.notes.add(new Finding(task.getAttribute("id"), lines.get(task.getAttribute("id")), "no-time-limit",
                    List.of(task.getAttribute("id"))));
            return 1;
        }

        private String stepId(Element node) {
            String id = ImportedWorkflow.kebab(node.getAttribute("id"));
            while (!usedIds.add(id)) {
                id = id + "-2";
            }
            return id;
        }

        private static String name(Element node) {
            String name = node.getAttribute("name").strip().replaceAll("\\s+", " ");
            return name.isEmpty() ? node.getAttribute("id") : name;
        }

        private static String extension(Element element, String attribute) {
            for (String namespace : EXTENSIONS) {
                String value = element.getAttributeNS(namespace, attribute);
                if (value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
            return null;
        }

        private void report(Element node, String code, String... args) {
            String id = node.getAttribute("id");
            if ("bpmn-unsupported-element".equals(code) || "bpmn-unreachable".equals(code)) {
                reported.add(id);
            }
            result.unsupported.add(new Finding(id, lines.get(id), code, List.of(args)));
        }

        private void reportFlow(Flow flow, String code, String... args) {
            result.unsupported.add(new Finding(flow.id(), lines.get(flow.id()), code, List.of(args)));
        }
    }

    /** Longest path in working days, as the validator counts it, for the promised time limit. */
    private static final class Graphs {
        static int longest(ImportedWorkflow workflow) {
            return longest(workflow.start, workflow, new HashSet<>());
        }

        private static int longest(String id, ImportedWorkflow workflow, Set<String> onPath) {
            ImportedWorkflow.Node node = workflow.steps.get(id);
            if (node == null || !onPath.add(id)) {
                return 0;
            }
            int result;
            if (node instanceof Task task) {
                result = task.days() + longest(task.next(), workflow, onPath);
            } else if (node instanceof Decision decision) {
                result = longest(decision.otherwise(), workflow, onPath);
                for (Rule rule : decision.when()) {
                    result = Math.max(result, longest(rule.next(), workflow, onPath));
                }
            } else {
                Parallel parallel = (Parallel) node;
                result = parallel.branches().values().stream().mapToInt(list -> list.stream().mapToInt(Task::days).sum())
                        .max().orElse(0) + longest(parallel.next(), workflow, onPath);
            }
            onPath.remove(id);
            return result;
        }
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> list = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && BPMN.equals(element.getNamespaceURI())
                    && (localName == null || localName.equals(element.getLocalName()))) {
                list.add(element);
            }
        }
        return list;
    }
}
