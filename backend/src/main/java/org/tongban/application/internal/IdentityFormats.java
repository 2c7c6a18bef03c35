package org.tongban.application.internal;

import java.util.List;
import java.util.function.Predicate;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;

import org.tongban.identity.ResidentIdNumber;
import org.tongban.identity.UnifiedSocialCreditCode;

/**
 * The identity numbers a form can ask for, as JSON Schema formats, checked with the identity module's
 * rules including the check character: {@code format: cn-resident-id} (居民身份证号码, GB 11643) and
 * {@code format: cn-uscc} (统一社会信用代码, GB 32100). A pattern only counts characters; a mistyped digit
 * passes it and is caught here. The browser checks the same formats (schema-validator.ts).
 */
final class IdentityFormats {

    static final String RESIDENT_ID = "cn-resident-id";
    static final String USCC = "cn-uscc";

    /** Draft 2020-12 with the two formats. */
    static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012())
            .formats(List.of(format(RESIDENT_ID, ResidentIdNumber::isValid),
                    format(USCC, UnifiedSocialCreditCode::isValid)))
            .build();

    private IdentityFormats() {
    }

    private static Format format(String name, Predicate<String> valid) {
        return new Format() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean matches(ExecutionContext context, String value) {
                return valid.test(value);
            }
        };
    }
}
