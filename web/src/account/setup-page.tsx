import { SignInPage } from './sign-in-page';

export function SetupPage() {
  return <SignInPage setup />;
}
