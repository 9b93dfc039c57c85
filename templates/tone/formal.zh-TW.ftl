<#--
  Tone "formal" (zh-TW): courteous and precise, for business buyers.
  Assigns the parts the channel layout arranges. Openers and apologies are chosen by the customer's
  emotion: name the feeling first, then the facts; never deny the feeling or blame the courier.
  Available: name (absent when unknown), emotion, channel, shopName, agentName.
-->
<#if name??>
  <#assign greeting = "${name}，您好：">
<#else>
  <#assign greeting = "貴賓您好：">
</#if>
<#-- Chat and email: a full sentence of empathy before the script. -->
<#assign opener = {
  "angry": "對於此次造成您的不滿，我們深表歉意，您的意見我們非常重視。",
  "anxious": "我們理解此事對您的急迫性，已第一時間跟進處理。",
  "disappointed": "此次未能符合您的期待，我們深表歉意。",
  "neutral": "感謝您的來信。"
}[emotion]>
<#-- SMS: a few words at most; nothing when the customer is calm. -->
<#assign shortOpener = {
  "angry": "深表歉意，",
  "anxious": "理解此事緊急，",
  "disappointed": "未符期待，深表歉意，",
  "neutral": ""
}[emotion]>
<#assign closing = "如需進一步協助，歡迎隨時與我們聯繫。">
<#-- Public review replies: thanks, then apology, then what was done (the script), then commitment. -->
<#assign thanks = "感謝您的評價與寶貴意見。">
<#assign apology = {
  "angry": "此次造成您的不快，我們深表歉意。",
  "anxious": "讓您為此事費心等候，我們深表歉意。",
  "disappointed": "此次未能符合您的期待，我們深表歉意。",
  "neutral": "由此造成您的不便，我們深表歉意。"
}[emotion]>
<#assign commitment = "我們將就此事進行內部檢討，並持續精進產品與服務。">
<#-- Email sign-off, above the agent's name. -->
<#assign signoff = "敬祝 商祺">
