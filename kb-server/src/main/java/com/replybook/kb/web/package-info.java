/**
 * Shared HTTP plumbing only: the router the API and the console share, the API's one servlet and its JSON error
 * body, request body limits. No feature logic.
 */
package com.replybook.kb.web;
