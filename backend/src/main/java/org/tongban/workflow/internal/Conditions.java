package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.BooleanLiteral;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.FloatLiteral;
import org.springframework.expression.spel.ast.IntLiteral;
import org.springframework.expression.spel.ast.LongLiteral;
import org.springframework.expression.spel.ast.NullLiteral;
import org.springframework.expression.spel.ast.OpAnd;
import org.springframework.expression.spel.ast.OpEQ;
import org.springframework.expression.spel.ast.OpGE;
import org.springframework.expression.spel.ast.OpGT;
import org.springframework.expression.spel.ast.OpLE;
import org.springframework.expression.spel.ast.OpLT;
import org.springframework.expression.spel.ast.OpNE;
import org.springframework.expression.spel.ast.OpOr;
import org.springframework.expression.spel.ast.OperatorNot;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.RealLiteral;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * The expression language of decision conditions. Definitions are written by department admins,
 * not developers, so a condition may only compare form fields with literals and combine the
 * comparisons: field names (dotted into objects), numbers, 'strings', true, false, null,
 * {@code == != < <= > >=}, {@code and or not}, parentheses. It is parsed by SpEL, but every parsed
 * expression is checked node by node against that list, and it is evaluated in a context without
 * types, constructors, beans, methods or assignment: a condition cannot call code.
 */
final class Conditions {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final Set<Class<? extends SpelNode>> ALLOWED = Set.of(OpEQ.class, OpNE.class, OpLT.class,
            OpLE.class, OpGT.class, OpGE.class, OpAnd.class, OpOr.class, OperatorNot.class,
            PropertyOrFieldReference.class, CompoundExpression.class, IntLiteral.class, LongLiteral.class,
            RealLiteral.class, FloatLiteral.class, StringLiteral.class, BooleanLiteral.class, NullLiteral.class);
    private static final EvaluationContext CONTEXT = SimpleEvaluationContext
            .forPropertyAccessors(new LenientMapAccessor()).build();

    private Conditions() {
    }

    /** A condition that parsed and passed the checks, with the field paths it reads. */
    record Parsed(String text, Expression expression, List<String> fields) {

        boolean test(Map<String, Object> formData) {
            try {
                return Boolean.TRUE.equals(expression.getValue(CONTEXT, formData));
            } catch (org.springframework.expression.EvaluationException e) {
                // e.g. a field of an object the applicant left empty: the condition does not hold
                return false;
            }
        }
    }

    /** Why a condition is not acceptable. */
    static final class Invalid extends Exception {
        final String code;
        final String detail;

        Invalid(String code, String detail) {
            super(code + ": " + detail);
            this.code = code;
            this.detail = detail;
        }
    }

    static Parsed parse(String text) throws Invalid {
        // text is written in single quotes only, as the definition format says
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '"' && !quoted) {
                throw new Invalid("condition-forbidden", text);
            }
        }
        SpelExpression expression;
        try {
            expression = (SpelExpression) PARSER.parseExpression(text);
        } catch (ParseException | IllegalStateException e) {
            throw new Invalid("condition-syntax", e.getMessage());
        }
        List<String> fields = new ArrayList<>();
        check(expression.getAST(), fields);
        return new Parsed(text, expression, fields);
    }

    private static void check(SpelNode node, List<String> fields) throws Invalid {
        // a negative number: unary minus in front of a numeric literal
        if (node instanceof org.springframework.expression.spel.ast.OpMinus && node.getChildCount() == 1
                && node.getChild(0) instanceof org.springframework.expression.spel.ast.Literal
                && !(node.getChild(0) instanceof StringLiteral)) {
            return;
        }
        if (!ALLOWED.contains(node.getClass())) {
            throw new Invalid("condition-forbidden", node.toStringAST());
        }
        if (node instanceof PropertyOrFieldReference reference) {
            fields.add(reference.getName());
            return;
        }
        if (node instanceof CompoundExpression) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < node.getChildCount(); i++) {
                SpelNode child = node.getChild(i);
                if (!(child instanceof PropertyOrFieldReference reference)) {
                    throw new Invalid("condition-forbidden", node.toStringAST());
                }
                path.append(i == 0 ? "" : ".").append(reference.getName());
            }
            fields.add(path.toString());
            return;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            check(node.getChild(i), fields);
        }
    }

    /** Reads map entries as properties; a field the applicant left empty reads as null. */
    private static final class LenientMapAccessor implements PropertyAccessor {

        @Override
        public Class<?>[] getSpecificTargetClasses() {
            return new Class<?>[] {Map.class};
        }

        @Override
        public boolean canRead(EvaluationContext context, Object target, String name) {
            return target instanceof Map;
        }

        @Override
        public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
            return new TypedValue(((Map<?, ?>) target).get(name));
        }

        @Override
        public boolean canWrite(EvaluationContext context, Object target, String name) {
            return false;
        }

        @Override
        public void write(EvaluationContext context, Object target, String name, Object newValue) {
            throw new UnsupportedOperationException("conditions cannot write");
        }
    }
}
