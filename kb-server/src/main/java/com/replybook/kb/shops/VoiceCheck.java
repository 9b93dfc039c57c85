package com.replybook.kb.shops;

import com.replybook.kb.web.FieldError;

import java.util.List;

/**
 * Checks a shop's voice before it is saved: its greetings and closings are templates like scripts, its layouts
 * templates like the built-in ones, and both run in the renderer's sandbox. Supplied by the rendering feature so that
 * this package does not depend on it; problems name the field (e.g. {@code greetings.lively},
 * {@code layouts.channel/chat.zh-CN.ftl}) with line and column.
 */
public interface VoiceCheck {

    /** Problems of a greeting or closing line, each naming {@code field}; empty when it may be saved. */
    List<FieldError> line(String field, String template);

    /** Problems of the layout {@code path} (e.g. {@code tone/warm.zh-CN.ftl}), each naming {@code field}. */
    List<FieldError> layout(String field, String path, String template);

    /** Accepts everything (tools and tests that render nothing). */
    VoiceCheck NONE = new VoiceCheck() {
        @Override
        public List<FieldError> line(String field, String template) {
            return List.of();
        }

        @Override
        public List<FieldError> layout(String field, String path, String template) {
            return List.of();
        }
    };
}
