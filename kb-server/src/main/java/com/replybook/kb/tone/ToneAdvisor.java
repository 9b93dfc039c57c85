package com.replybook.kb.tone;

import com.replybook.kb.vocabulary.Emotion;
import com.replybook.kb.vocabulary.Tone;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Suggests the tone of a reply: the first mapping rule (the shop's own mapping when it keeps one) whose tag the
 * customer carries, otherwise
 * {@code warm} when the message shows a feeling, otherwise {@code standard}. The emotion comes along for
 * the renderer's opener. The agent can always override both.
 */
public final class ToneAdvisor {

    /** The advice; {@code matchedTag} is the customer tag that decided the tone, null when none did. */
    public record Suggestion(String tone, Emotion emotion, String matchedTag) {
    }

    private final ToneRules rules;
    private final EmotionDetector detector;

    public ToneAdvisor(ToneRules rules, EmotionDetector detector) {
        this.rules = rules;
        this.detector = detector;
    }

    /** The advice for a customer tagged {@code tags} who wrote {@code text}, in {@code shop} (null: no shop). */
    public Suggestion suggest(Collection<String> tags, String text, String shop) {
        Emotion emotion = detector.detect(text);
        Set<String> have = tags.stream().map(ToneAdvisor::norm).collect(Collectors.toSet());
        for (ToneRule r : rules.of(shop)) {
            if (have.contains(norm(r.tag()))) return new Suggestion(r.tone(), emotion, r.tag());
        }
        return new Suggestion((emotion == Emotion.NEUTRAL ? Tone.STANDARD : Tone.WARM).id(), emotion, null);
    }

    static String norm(String tag) {
        return tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
    }
}
