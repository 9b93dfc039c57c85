-- The console speaks each user's chosen language; an empty locale means "the browser's language".
-- The bootstrap admin used to be created with zh-CN without anyone choosing it: it now follows the browser
-- until the admin picks a language in the user menu.
UPDATE users SET locale = '' WHERE username = 'admin' AND display_name = 'Administrator' AND locale = 'zh-CN';
