package com.replybook.kb.render;

import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.Emotion;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.vocabulary.Tone;
import com.replybook.kb.vocabulary.UnknownTermException;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What to render: an entry's script with the ticket's context, in a tone, for a channel and locale.
 *
 * <p>{@code tone}, {@code channel} and {@code emotion} may be {@code null} (defaults {@code standard},
 * {@code chat}, {@code neutral}); unknown values throw {@link InvalidRenderRequestException} naming the field.
 * {@code locale} is resolved leniently ({@code zh-HK} → zh-TW, {@code zh} → zh-CN, anything else → en;
 * {@code null} → zh-CN). {@code context} is the ticket's values as nested maps of strings, e.g.
 * {@code {"customer":{"name":"王女士"},"order":{"id":"E1024"}}}; it is untrusted and may be {@code null}.
 *
 * @param script  the entry's FreeMarker fragment, e.g. {@code "您的订单${order.id}已发出。"}
 * @param locale  BCP 47 tag, normally the entry's locale
 * @param tone    {@code standard}, {@code warm}, {@code lively} or {@code formal}
 * @param channel {@code chat}, {@code email}, {@code sms} or {@code review}
 * @param emotion {@code angry}, {@code anxious}, {@code disappointed} or {@code neutral}
 * @param context ticket values; see {@link ScriptRenderer} for the variables scripts can use
 * @param category the entry's category, e.g. {@code 物流/延误}, for the {@link ReplyAdvisor}; {@code null} when
 *                 unknown (an unsaved script)
 * @param acceptedFallbacks variables whose natural fallback the script's editor accepts when the ticket lacks the
 *                value (the entry's {@code acceptedFallbacks}, e.g. {@code product.name} → 商品); every other missing
 *                value becomes an agent-must-fill marker
 * @param greeting whether the reply opens with the tone's greeting; false when the agent's reply box already has one
 *                (the widget inserts into text that starts "Hi Emma,")
 * @param voice    the shop's voice the reply takes ({@link Voice#NONE} for the layouts' own)
 */
public record RenderRequest(String script, String locale, String tone, String channel, String emotion,
                            Map<String, Object> context, String category, Set<String> acceptedFallbacks,
                            boolean greeting, Voice voice) {

    /** A request in the layouts' own voice. */
    public RenderRequest(String script, String locale, String tone, String channel, String emotion,
                         Map<String, Object> context, String category, Set<String> acceptedFallbacks,
                         boolean greeting) {
        this(script, locale, tone, channel, emotion, context, category, acceptedFallbacks, greeting, Voice.NONE);
    }

    /** A request that opens with the tone's greeting. */
    public RenderRequest(String script, String locale, String tone, String channel, String emotion,
                         Map<String, Object> context, String category, Set<String> acceptedFallbacks) {
        this(script, locale, tone, channel, emotion, context, category, acceptedFallbacks, true);
    }

    /** A request without a category (an unsaved script, or a caller that does not know it); no fallback accepted. */
    public RenderRequest(String script, String locale, String tone, String channel, String emotion,
                         Map<String, Object> context) {
        this(script, locale, tone, channel, emotion, context, null, Set.of());
    }

    /** A request for an entry of {@code category} in which every missing value is to be filled in by the agent. */
    public RenderRequest(String script, String locale, String tone, String channel, String emotion,
                         Map<String, Object> context, String category) {
        this(script, locale, tone, channel, emotion, context, category, Set.of());
    }

    /** A request without a category that accepts the stand-in words of {@code acceptedFallbacks}. */
    public RenderRequest(String script, String locale, String tone, String channel, String emotion,
                         Map<String, Object> context, Set<String> acceptedFallbacks) {
        this(script, locale, tone, channel, emotion, context, null, acceptedFallbacks);
    }

    public RenderRequest {
        script = script == null ? "" : script;
        context = context == null ? Map.of() : context;
        acceptedFallbacks = acceptedFallbacks == null ? Set.of() : Set.copyOf(acceptedFallbacks);
        voice = voice == null ? Voice.NONE : voice;
        // Fail early so the caller gets a 400 before any rendering work.
        parsed(() -> Tone.parse(tone));
        parsed(() -> Channel.parse(channel));
        parsed(() -> Emotion.parse(emotion));
    }

    /** This request for an entry of {@code category}. */
    public RenderRequest inCategory(String category) {
        return new RenderRequest(script, locale, tone, channel, emotion, context, category, acceptedFallbacks, greeting,
                voice);
    }

    /** A request with defaults for tone, channel and emotion. */
    public static RenderRequest of(String script, String locale, Map<String, Object> context) {
        return new RenderRequest(script, locale, null, null, null, context);
    }

    Tone parsedTone() {
        return parsed(() -> Tone.parse(tone));
    }

    Channel parsedChannel() {
        return parsed(() -> Channel.parse(channel));
    }

    Emotion parsedEmotion() {
        return parsed(() -> Emotion.parse(emotion));
    }

    /** A term of the request, or {@link InvalidRenderRequestException} naming the field when it is unknown. */
    private static <T> T parsed(Supplier<T> term) {
        try {
            return term.get();
        } catch (UnknownTermException e) {
            throw new InvalidRenderRequestException(e.field(), e.getMessage());
        }
    }

    SupportedLocale resolvedLocale() {
        return SupportedLocale.resolve(locale);
    }
}
