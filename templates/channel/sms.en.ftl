<#-- SMS (en): one short line; the renderer joins lines, writes typographic punctuation in the GSM alphabet and counts the messages it goes out as (160 GSM characters, or 70 with any CJK or emoji). -->
<#if shopName??>[${shopName}] </#if>${tone.greeting} ${tone.shortOpener} ${body}
