<#-- SMS (zh-TW): one short line; the renderer joins lines and counts 70-character segments. -->
<#if shopName??>【${shopName}】</#if>${tone.greeting}${tone.shortOpener}${body}
