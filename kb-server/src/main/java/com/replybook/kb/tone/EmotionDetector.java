package com.replybook.kb.tone;

import com.replybook.kb.vocabulary.Emotion;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the customer's mood from a message in Chinese (simplified or traditional) or English, by weighted
 * cue phrases. Deliberately simple and explainable: it only picks an empathy opener, it never blocks anything.
 * Ties go to the stronger feeling (angry, then anxious, then disappointed); no cue means {@code neutral}.
 * Thread-safe and stateless. Example: {@code "快递三天没动了，到底什么时候到？"} → {@link Emotion#ANXIOUS}.
 */
public final class EmotionDetector {

    private static final Map<Emotion, List<String>> STRONG = Map.of(
            Emotion.ANGRY, List.of("气死", "氣死", "骗子", "騙子", "垃圾", "投诉", "投訴", "差评", "差評", "太过分", "太過分",
                    "什么破", "什麼破", "无语", "無語", "欺骗", "欺騙", "报警", "報警", "忍无可忍", "忍無可忍",
                    "furious", "unacceptable", "ridiculous", "scam", "worst", "angry", "outrageous", "disgusting"),
            Emotion.ANXIOUS, List.of("着急", "著急", "急用", "急死", "到底什么时候", "到底什麼時候", "怎么还没", "怎麼還沒",
                    "还没到", "還沒到", "没动", "沒動", "担心", "擔心", "快点", "快點", "催", "怎么回事", "怎麼回事",
                    "urgent", "asap", "worried", "still not", "still haven't", "when will", "hurry", "anxious"),
            Emotion.DISAPPOINTED, List.of("失望", "本来以为", "本來以為", "没想到", "沒想到", "可惜", "伤心", "傷心", "后悔", "後悔",
                    "不如预期", "不如預期", "disappointed", "let down", "expected better", "regret", "sad", "a shame"));

    /** Detects the emotion of {@code text}; blank or null text is neutral. */
    public Emotion detect(String text) {
        if (text == null || text.isBlank()) return Emotion.NEUTRAL;
        String t = text.toLowerCase(Locale.ROOT);
        Emotion best = Emotion.NEUTRAL;
        int bestScore = 0;
        for (Emotion e : List.of(Emotion.ANGRY, Emotion.ANXIOUS, Emotion.DISAPPOINTED)) {
            int score = score(t, STRONG.get(e));
            if (e == Emotion.ANGRY) score += exclamations(t) >= 3 ? 1 : 0;
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return best;
    }

    private static int score(String text, List<String> cues) {
        int n = 0;
        for (String cue : cues) if (text.contains(cue)) n++;
        return n;
    }

    private static int exclamations(String text) {
        return (int) text.chars().filter(c -> c == '!' || c == '！').count();
    }
}
