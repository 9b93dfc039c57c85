/** The sample knowledge base loaded into an empty database on first start. */
package com.replybook.kb.sample;
