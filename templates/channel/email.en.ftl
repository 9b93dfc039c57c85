<#--
  Email, plain text (en): subject, greeting, empathy, the script, next steps, signature with the
  agent's name and ID. The HTML version (email.en.ftlh) must say the same.
-->
<#assign subject>Re: your <#if orderId??>order ${orderId}<#else>enquiry</#if><#if ticketId??> [ticket ${ticketId}]</#if></#assign>
${tone.greeting}

${tone.opener}

${body}

${tone.closing}

${tone.signoff}
${agentName!"Customer Service"}<#if agentId??> (agent ID ${agentId})</#if>
<#if shopName??>
${shopName} Customer Service
</#if>
<#if ticketId??>
Ticket: ${ticketId}
</#if>
