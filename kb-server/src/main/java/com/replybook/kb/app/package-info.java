/** The composition root: lists the feature modules, mounts what they contribute, and serves health and OpenAPI. */
package com.replybook.kb.app;
