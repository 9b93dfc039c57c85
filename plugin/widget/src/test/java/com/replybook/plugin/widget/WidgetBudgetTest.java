package com.replybook.plugin.widget;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The widget stays small and builds its DOM without parsing HTML. */
class WidgetBudgetTest {

    @Test
    void scriptsAndStylesTogetherStayUnderSixtyKilobytes() throws Exception {
        long total = 0;
        for (String f : new String[] {"replybook-widget.js", "replybook-messages.js", "replybook-widget.css"}) {
            total += Files.size(WidgetFiles.DIR.resolve(f));
        }
        System.out.println("widget JS+CSS: " + total + " bytes");
        assertTrue(total < 60 * 1024, "widget JS+CSS is " + total + " bytes; the budget is 60 KB");
    }

    @Test
    void widgetNeverParsesHtml() throws Exception {
        String js = WidgetFiles.read("replybook-widget.js");
        Pattern html = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function");
        assertFalse(html.matcher(js).find(), "build the DOM with textContent, never by parsing server data");
    }

    @Test
    void widgetIsPlainEs5ForHelpDeskMinifiers() throws Exception {
        String js = WidgetFiles.read("replybook-widget.js");
        assertFalse(Pattern.compile("=>|`|\\blet |\\bconst |\\bclass ").matcher(js).find(),
                "RT's JavaScript minifier expects ES5: no arrows, template literals, let/const or classes");
    }
}
