/** Identity: users, roles, hashed API tokens and passwords, console sessions, and the filter that authenticates every API call. */
package com.replybook.kb.auth;
