<#--
  Public review reply (zh-CN): thanks → apology → what was done (the script) → commitment.
  No personal data: names, order and tracking numbers and amounts are withheld from this layout and
  redacted from the script before it gets here.
-->
${tone.thanks}${tone.apology}

${body}

${tone.commitment}
<#if shopName??>
——${shopName}
</#if>
