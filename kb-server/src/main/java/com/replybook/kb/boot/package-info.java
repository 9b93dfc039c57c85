/** The {@code java -jar} bootstrap (JDK only, at the WAR root) and the embedded Jetty stage. Containers ignore it. */
package com.replybook.kb.boot;
