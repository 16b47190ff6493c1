/** UI text of the review view shown outside it (the view switch, the Documents list's clusters), merged into the catalogue in catalog.ts. */
export const reviewEn = {
  'view.annotate': 'Annotate',
  'view.review': 'Review',
  'view.agreement': 'Agreement',
  'view.switch': 'View',
  'review.compared': 'Compared annotators',
  'review.openClustersHere': '{count, plural, one {# open cluster} other {# open clusters}}',
  'review.onlyOpen': 'Only documents with open clusters',
};
