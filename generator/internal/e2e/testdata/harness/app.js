document.documentElement.dataset.js = "ran";
