package com.replybook.kb.tone;

import com.replybook.kb.vocabulary.Emotion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmotionDetectorTest {

    final EmotionDetector detector = new EmotionDetector();

    @Test
    void parcelStuckForDaysReadsAsAnxiousInSimplifiedAndTraditional() {
        assertEquals(Emotion.ANXIOUS, detector.detect("你好，我的包裹已经三天没动了，到底什么时候能到？"));
        assertEquals(Emotion.ANXIOUS, detector.detect("我的包裹三天沒動了，到底什麼時候能到？"));
    }

    @Test
    void insultsAndComplaintThreatsReadAsAngry() {
        assertEquals(Emotion.ANGRY, detector.detect("什么破店，骗子！我要投诉！"));
        assertEquals(Emotion.ANGRY, detector.detect("This is unacceptable, worst service ever!!!"));
    }

    @Test
    void letDownReadsAsDisappointed() {
        assertEquals(Emotion.DISAPPOINTED, detector.detect("本来以为质量很好，有点失望"));
        assertEquals(Emotion.DISAPPOINTED, detector.detect("Honestly I expected better, a bit disappointed."));
    }

    @Test
    void plainQuestionsAndBlankTextAreNeutral() {
        assertEquals(Emotion.NEUTRAL, detector.detect("请问可以开发票吗？"));
        assertEquals(Emotion.NEUTRAL, detector.detect(""));
        assertEquals(Emotion.NEUTRAL, detector.detect(null));
    }
}
