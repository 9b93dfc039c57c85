<#-- SMS (en): one short line; the renderer joins lines and counts 160-character segments (70 with any CJK). -->
<#if shopName??>[${shopName}] </#if>${tone.greeting} ${tone.shortOpener} ${body}
