/** Managing users: accounts, roles, passwords and API tokens, through {@code /api/v1/users} and the console. */
package com.replybook.kb.users;
