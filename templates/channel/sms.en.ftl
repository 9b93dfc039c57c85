<#-- SMS (en): one short line; the renderer joins lines, writes typographic punctuation in the GSM alphabet and counts the messages it goes out as (160 GSM characters, or 70 with any CJK or emoji). The shop is named with a colon, not in brackets: [ and ] take two GSM characters each. -->
<#if shopName??>${shopName}: </#if>${tone.greeting} ${tone.shortOpener} ${body}
