package com.replybook.kb.clocks;

import com.replybook.kb.web.ErrorCode;

/** Messages about the response clocks' targets (see {@link ErrorCode}). */
enum ClockError implements ErrorCode {
    UNKNOWN_FIELD("clock.unknownField", "Unknown field '{field}'; send amberPercent and channels", "field"),
    CHANNELS_NOT_OBJECT("clock.channelsNotObject", "channels must be an object keyed by channel: {channels}", "channels"),
    UNKNOWN_CHANNEL("clock.unknownChannel", "Unknown channel '{channel}'; use one of {channels}", "channel", "channels"),
    CHANNEL_NOT_OBJECT("clock.channelNotObject", "{field} must be an object {firstResponseMinutes, stageMinutes}",
            "field"),
    STAGES_NOT_OBJECT("clock.stagesNotObject", "{field} must be an object with {stages} in minutes", "field", "stages"),
    STAGE_ORDER("clock.stageOrder", "{field} must be later than the stage before it ({previous} minutes)",
            "field", "previous"),
    UNKNOWN_STAGE("clock.unknownStage", "Unknown stage '{stage}'; use {stages}", "stage", "stages"),
    MINUTES_REQUIRED("clock.minutesRequired", "{field} is required, in minutes", "field"),
    OUT_OF_RANGE("clock.outOfRange", "{field} must be a whole number from {min} to {max}", "field", "min", "max"),
    IF_MATCH("clock.ifMatch", "If-Match must be the version of GET /api/v1/clocks, e.g. \"3\""),
    CHANGED("clock.changed", "A lead changed the clock targets in the meantime (now version {current}); reload them "
            + "and apply your change again", "current");

    private final Def def;

    ClockError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
