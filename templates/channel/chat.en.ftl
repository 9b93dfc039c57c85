<#-- Chat (en): greeting and empathy first, then the script, then an open offer to help further. -->
${tone.greeting} ${tone.opener}

${body}

${tone.closing}
