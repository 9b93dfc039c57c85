<#--
  Email, plain text (zh-CN): subject, greeting, empathy, the script, next steps, signature with the
  agent's name and ID. The HTML version (email.zh-CN.ftlh) must say the same.
-->
<#assign subject>关于您<#if orderId??>订单 ${orderId} </#if>的咨询回复<#if ticketId??>（工单号：${ticketId}）</#if></#assign>
${tone.greeting}

${tone.opener}

${body}

${tone.closing}

${tone.signoff}
${agentName!"客服"}<#if agentId??>（工号：${agentId}）</#if>
<#if shopName??>
${shopName} 客服中心
</#if>
<#if ticketId??>
工单号：${ticketId}
</#if>
