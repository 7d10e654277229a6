// serverless.yml: `provider.stage` falls back to this when no --stage is given, and it refuses.
// Stage `local` (dev sign-in on, the keys published in this repo) is never a default: every
// command names its stage (npm start and the e2e stack: --stage local; npm run package: --stage prod).
module.exports = () => {
  const error = new Error(
    'no --stage given. Name the stage explicitly: `serverless deploy --stage prod` (or `package --stage prod`); ' +
      '`--stage local` is only for serverless-offline (npm start).',
  );
  error.stack = error.message;
  throw error;
};
