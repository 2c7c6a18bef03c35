package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a BPMN condition (JUEL as Flowable, Camunda and Activiti write it: {@code ${amount > 500}},
 * {@code #{!approved}}, {@code ${kind == "food" && area >= 50}}) into the condition language of definitions,
 * when it only compares variables with literals: variables, numbers, quoted text, true/false/null,
 * {@code == != < <= > >=} (or {@code eq ne lt le gt ge}), {@code && || !} (or {@code and or not}) and
 * parentheses. A bare variable is a yes/no question ({@code approved} → {@code approved == true}).
 * Anything else (method calls, arithmetic, properties of objects, scripts) is not translated.
 */
final class ConditionTranslator {

    /** The condition in the definition's language, and the form fields it reads with their JSON Schema types. */
    record Translation(String condition, Map<String, String> fields) {
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(==|!=|<=|>=|<|>|&&|\\|\\||!|\\(|\\))|(-?\\d+(?:\\.\\d+)?)|'([^'\\\\]*)'|\"([^\"\\\\]*)\"|([A-Za-z_][A-Za-z0-9_]*))");
    private static final Map<String, String> WORDS = Map.of("eq", "==", "ne", "!=", "lt", "<", "le", "<=", "gt", ">",
            "ge", ">=", "and", "&&", "or", "||", "not", "!");

    private record Token(String kind, String text) {
    }

    private final List<Token> tokens;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private int position;

    private ConditionTranslator(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The translation, or null when the condition is more than comparisons of variables. */
    static Translation translate(String expression) {
        String text = expression.strip();
        Matcher wrapped = Pattern.compile("^[$#]\\{(.*)}$", Pattern.DOTALL).matcher(text);
        if (!wrapped.matches()) {
            return null;
        }
        List<Token> tokens = tokenize(wrapped.group(1));
        if (tokens == null || tokens.isEmpty()) {
            return null;
        }
        ConditionTranslator translator = new ConditionTranslator(tokens);
        try {
            String condition = translator.or();
            if (translator.position != tokens.size()) {
                return null;
            }
            return new Translation(condition, translator.fields);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (text.substring(at).isBlank()) {
                break;
            }
            if (!matcher.find(at) || matcher.start() != at) {
                return null;
            }
            if (matcher.group(1) != null) {
                tokens.add(new Token("op", matcher.group(1)));
            } else if (matcher.group(2) != null) {
                tokens.add(new Token("number", matcher.group(2)));
            } else if (matcher.group(3) != null || matcher.group(4) != null) {
                String value = matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
                if (value.contains("'")) {
                    return null;
                }
                tokens.add(new Token("string", value));
            } else {
                String word = matcher.group(5);
                if (WORDS.containsKey(word)) {
                    tokens.add(new Token("op", WORDS.get(word)));
                } else if (word.equals("true") || word.equals("false") || word.equals("null")) {
                    tokens.add(new Token("literal", word));
                } else {
                    tokens.add(new Token("name", word));
                }
            }
            at = matcher.end();
        }
        return tokens;
    }

    private String or() {
        StringBuilder result = new StringBuilder(and());
        while (accept("||")) {
            result.append(" or ").append(and());
        }
        return result.toString();
    }

    private String and() {
        StringBuilder result = new StringBuilder(unary());
        while (accept("&&")) {
            result.append(" and ").append(unary());
        }
        return result.toString();
    }

    private String unary() {
        if (accept("!")) {
            return "not (" + unary() + ")";
        }
        return comparison();
    }

    private String comparison() {
        if (accept("(")) {
            String inner = or();
            expect(")");
            return "(" + inner + ")";
        }
        Token left = operand();
        Token operator = position < tokens.size() ? tokens.get(position) : null;
        if (operator != null && operator.kind().equals("op") && List.of("==", "!=", "<", "<=", ">", ">=").contains(operator.text())) {
            position++;
            Token right = operand();
            if (!left.kind().equals("name") && !right.kind().equals("name")) {
                throw new IllegalArgumentException("two literals");
            }
            type(left, right);
            type(right, left);
            return write(left) + " " + operator.text() + " " + write(right);
        }
        if (!left.kind().equals("name")) {
            throw new IllegalArgumentException("a literal alone");
        }
        fields.putIfAbsent(left.text(), "boolean");
        return left.text() + " == true";
    }

    private Token operand() {
        if (position >= tokens.size()) {
            throw new IllegalArgumentException("end");
        }
        Token token = tokens.get(position++);
        if (token.kind().equals("op")) {
            throw new IllegalArgumentException("operator");
        }
        if (token.kind().equals("name")) {
            if (position < tokens.size() && tokens.get(position).text().equals("(")) {
                throw new IllegalArgumentException("a call");
            }
            if (!ImportedWorkflow.isFieldName(token.text())) {
                throw new IllegalArgumentException("not a field name");
            }
        }
        return token;
    }

    private void type(Token field, Token other) {
        if (!field.kind().equals("name")) {
            return;
        }
        String type = switch (other.kind()) {
            case "number" -> "number";
            case "literal" -> other.text().equals("null") ? "string" : "boolean";
            default -> "string";
        };
        fields.putIfAbsent(field.text(), type);
    }

    private static String write(Token token) {
        return token.kind().equals("string") ? "'" + token.text() + "'" : token.text();
    }

    private boolean accept(String operator) {
        if (position < tokens.size() && tokens.get(position).kind().equals("op") && tokens.get(position).text().equals(operator)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String operator) {
        if (!accept(operator)) {
            throw new IllegalArgumentException("expected " + operator);
        }
    }
}
