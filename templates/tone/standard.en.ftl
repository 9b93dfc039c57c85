<#--
  Tone "standard" (en): friendly and plain.
  Assigns the parts the channel layout arranges. Openers and apologies are chosen by the customer's
  emotion: name the feeling first, then the facts; never deny the feeling or blame the courier.
  Available: name (absent when unknown), emotion, channel, shopName, agentName.
-->
<#if name??>
  <#assign greeting = "Hi ${name},">
<#else>
  <#assign greeting = "Hi there,">
</#if>
<#-- Chat and email: a full sentence of empathy before the script. -->
<#assign opener = {
  "angry": "I completely understand why you're upset, and I would be too.",
  "anxious": "I understand you're worried, and I'm on it right now.",
  "disappointed": "I'm sorry this has let you down.",
  "neutral": "Thanks for getting in touch."
}[emotion]>
<#-- SMS: a few words at most; nothing when the customer is calm. -->
<#assign shortOpener = {
  "angry": "Sorry for the frustration.",
  "anxious": "We know you're waiting.",
  "disappointed": "Sorry to let you down.",
  "neutral": ""
}[emotion]>
<#assign closing = "If there's anything else, just let me know.">
<#-- Public review replies: thanks, then apology, then what was done (the script), then commitment. -->
<#assign thanks = "Thank you for taking the time to leave a review.">
<#assign apology = {
  "angry": "We're truly sorry this experience left you frustrated.",
  "anxious": "We're sorry for the worry this caused you.",
  "disappointed": "We're sorry we fell short of your expectations.",
  "neutral": "We're sorry for the inconvenience."
}[emotion]>
<#assign commitment = "We're reviewing what happened and will keep improving our products and service.">
<#-- Email sign-off, above the agent's name. -->
<#assign signoff = "Best regards,">
