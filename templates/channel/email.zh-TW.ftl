<#--
  Email, plain text (zh-TW): subject, greeting, empathy, the script, next steps, signature with the
  agent's name and ID. The HTML version (email.zh-TW.ftlh) must say the same.
-->
<#assign subject>關於您<#if orderId??>訂單 ${orderId} </#if>的詢問回覆<#if ticketId??>（工單編號：${ticketId}）</#if></#assign>
${tone.greeting}

${tone.opener}

${body}

${tone.closing}

${tone.signoff}
${agentName!"客服"}<#if agentId??>（客服編號：${agentId}）</#if>
<#if shopName??>
${shopName} 客服中心
</#if>
<#if ticketId??>
工單編號：${ticketId}
</#if>
