import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useSignedIn } from '../../../components/use-signed-in';

/** Links to the officer pages each journey adds (the officer subpackage). */
export const OFFICER_LINKS: Array<{ title: string; url: string }> = [];

/** 工会干部工作台 */
export default function OfficerHomePage() {
  const session = useSignedIn();
  const officerOf = session?.user.roles.filter((r) => r.role === 'officer') ?? [];
  return (
    <View className="page page-wide">
      <View className="card">
        <Text className="title">工会干部工作台</Text>
        {officerOf.length === 0 ? <Text className="muted">您不是工会干部，无法使用工作台。</Text> : null}
      </View>
      <View className="card">
        {OFFICER_LINKS.map((l) => (
          <Button key={l.url} className="btn-plain" onClick={() => Taro.navigateTo({ url: l.url })}>
            {l.title}
          </Button>
        ))}
      </View>
    </View>
  );
}
