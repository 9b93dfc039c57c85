<#-- SMS (zh-TW): one short line; the renderer joins lines and counts the messages it goes out as (70 characters, 67 per part once split). -->
<#if shopName??>【${shopName}】</#if>${tone.greeting}${tone.shortOpener}${body}
