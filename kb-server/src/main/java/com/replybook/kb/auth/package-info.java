/** Users, roles and hashed API tokens, and the filter that authenticates every API call. */
package com.replybook.kb.auth;
