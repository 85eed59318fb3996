package io.chainhub.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of the {@code errors} member of a validation problem, shaped like the example of
 * RFC 9457 section 3: a JSON pointer into the body, or the name of a query/path parameter.
 *
 * @param detail    what is wrong, e.g. "must not be blank"
 * @param pointer   JSON pointer to the offending body member, e.g. {@code #/to}
 * @param parameter name of the offending request parameter
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvalidInput(String detail, String pointer, String parameter) {

    static InvalidInput bodyField(String field, String detail) {
        // Spring's property path "items[0].amount" becomes the JSON pointer "#/items/0/amount"
        return new InvalidInput(detail, "#/" + field.replaceAll("\\[(\\w+)]", ".$1").replace('.', '/'), null);
    }

    static InvalidInput body(String detail) {
        return new InvalidInput(detail, "#", null);
    }

    static InvalidInput parameter(String name, String detail) {
        return new InvalidInput(detail, null, name);
    }

    String describe() {
        String where = parameter != null ? parameter : pointer.equals("#") ? "body" : pointer.substring(2);
        return where + ": " + detail;
    }
}
