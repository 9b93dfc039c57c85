package com.replybook.kb.web;

import java.util.List;
import java.util.function.BiConsumer;

/** Messages about the shape of a request, shared by every feature (see {@link ErrorCode}). */
public enum InputError implements ErrorCode {
    REQUIRED("input.required", "{field} is required", "field"),
    NOT_STRING("input.notString", "{field} must be a string", "field"),
    BLANK("input.blank", "{field} must not be blank", "field"),
    TOO_LONG("input.tooLong", "{field} is longer than {max} characters", "field", "max"),
    STRING_UP_TO("input.stringUpTo", "{field} must be a string of at most {max} characters", "field", "max"),
    NOT_ARRAY("input.notArray", "{field} must be an array of strings", "field"),
    TOO_MANY_ITEMS("input.tooManyItems", "{field} has more than {max} items", "field", "max"),
    ITEM_NOT_STRING("input.itemNotString", "{field}[{index}] must be a string", "field", "index"),
    ITEM_TOO_LONG("input.itemTooLong", "{field}[{index}] is longer than {max} characters", "field", "index", "max"),
    UNKNOWN_FIELD("input.unknownField", "Unknown field '{field}'", "field"),
    NOT_OBJECT("input.notObject", "Expected a JSON object as the request body"),
    NOT_OBJECT_OR_NONE("input.notObjectOrNone", "Expected a JSON object as the request body, or none"),
    FIELD_NOT_OBJECT("input.fieldNotObject", "{field} must be a JSON object", "field"),
    NOT_WHOLE_NUMBER("input.notWholeNumber", "{field} must be a whole number, was '{value}'", "field", "value"),
    OUT_OF_RANGE("input.outOfRange", "{field} must be between {min} and {max}", "field", "min", "max"),
    NOT_INSTANT("input.notInstant", "{field} must be an ISO-8601 instant such as 2026-01-31T00:00:00Z", "field"),
    NOT_BOOLEAN("input.notBoolean", "{field} must be true or false", "field"),
    UNKNOWN_TERM("input.unknownTerm", "{field} is not one of the values it accepts", "field"),
    HELPDESK_REQUIRED("input.helpdeskRequired", "helpdesk is required: the ticket's help-desk, such as rt or zendesk"),
    TICKET_ID_REQUIRED("input.ticketIdRequired", "ticketId is required: the help-desk's ticket number, e.g. 1042"),
    TICKET_ID("input.ticketId", "ticketId must be a {helpdesk} ticket number such as 1042, was '{value}'",
            "helpdesk", "value"),
    UNKNOWN_ACTION("input.unknownAction", "Unknown action {action}", "action"),
    TOO_LARGE("input.tooLarge", "Request body exceeds the limit of {limit} bytes", "limit"),
    NO_SUCH_RESOURCE("request.notFound", "No such resource: {path}", "path"),
    METHOD_NOT_ALLOWED("request.methodNotAllowed", "Method {method} is not allowed here; use {allowed}",
            "method", "allowed"),
    INTERNAL("request.internal", "Internal error; see the server log"),
    BUSY("request.busy", "The server is busy; try again in a moment"),
    TOO_MANY_IN_PROGRESS("request.tooManyInProgress",
            "You have too many renders in progress; wait for them to finish, then retry.");

    private final Def def;

    /**
     * A value that is not one of the words a field accepts, keeping the English message that lists them (a
     * vocabulary's {@code UnknownTermException}).
     */
    public static FieldError unknownTerm(String field, String english) {
        FieldError coded = FieldError.of(field, UNKNOWN_TERM, field);
        return new FieldError(field, english, null, null, coded.reason(), coded.args());
    }

    /**
     * Where a help-desk's check of a named ticket ({@code vocabulary.HelpDesk.checkTicket}) puts its problems: into
     * {@code errors}, each with its code, keeping the check's English sentence. The check reports a field only when
     * its value is missing or wrong, so a blank value means "required".
     */
    public static BiConsumer<String, String> ticketProblems(String helpdesk, String ticketId, List<FieldError> errors) {
        return (field, english) -> {
            boolean desk = "helpdesk".equals(field);
            String value = desk ? helpdesk : ticketId;
            FieldError coded = value == null || value.isBlank()
                    ? FieldError.of(field, desk ? HELPDESK_REQUIRED : TICKET_ID_REQUIRED)
                    : desk ? FieldError.of(field, UNKNOWN_TERM, field) : FieldError.of(field, TICKET_ID, helpdesk,
                    value.length() > 40 ? value.substring(0, 40) + "…" : value);
            errors.add(new FieldError(field, english, null, null, coded.reason(), coded.args()));
        };
    }

    InputError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
