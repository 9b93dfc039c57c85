/** The composition root: builds every part once from the configuration and mounts the servlets. */
package com.replybook.kb.app;
