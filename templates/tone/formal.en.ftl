<#--
  Tone "formal" (en): courteous and precise, for business buyers.
  Assigns the parts the channel layout arranges. Openers and apologies are chosen by the customer's
  emotion: name the feeling first, then the facts; never deny the feeling or blame the courier.
  Available: name (absent when unknown), emotion, channel, shopName, agentName.
-->
<#if name??>
  <#assign greeting = "Dear ${name},">
<#else>
  <#assign greeting = "Dear Sir or Madam,">
</#if>
<#-- Chat and email: a full sentence of empathy before the script. -->
<#assign opener = {
  "angry": "Please accept our sincere apologies for the dissatisfaction this has caused; we take your concerns very seriously.",
  "anxious": "We understand the urgency of this matter and have taken it up immediately.",
  "disappointed": "We sincerely regret that we did not meet your expectations.",
  "neutral": "Thank you for your message."
}[emotion]>
<#-- SMS: a few words at most; nothing when the customer is calm. -->
<#assign shortOpener = {
  "angry": "We sincerely apologise.",
  "anxious": "We understand the urgency.",
  "disappointed": "We regret the disappointment.",
  "neutral": ""
}[emotion]>
<#assign closing = "Should you require any further assistance, please do not hesitate to contact us.">
<#-- Public review replies: thanks, then apology, then what was done (the script), then commitment. -->
<#assign thanks = "Thank you for your review and valuable feedback.">
<#assign apology = {
  "angry": "We sincerely apologise for the dissatisfaction this has caused.",
  "anxious": "We apologise for the concern and the delay this has caused.",
  "disappointed": "We sincerely regret that we did not meet your expectations.",
  "neutral": "We apologise for any inconvenience caused."
}[emotion]>
<#assign commitment = "We are reviewing this matter internally and remain committed to improving our products and service.">
<#-- Email sign-off, above the agent's name. -->
<#assign signoff = "Yours sincerely,">
