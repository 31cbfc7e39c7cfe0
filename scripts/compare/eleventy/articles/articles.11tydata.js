// Every article: its layout and its address.
export default {
  layout: 'article.njk',
  eleventyComputed: { permalink: (data) => `/articles/${data.page.fileSlug}/` },
};
