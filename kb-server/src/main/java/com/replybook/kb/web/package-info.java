/** Shared HTTP plumbing only: JSON, the error body, body limits and the authentication filter. No feature logic. */
package com.replybook.kb.web;
